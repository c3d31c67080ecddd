package workbook.torninvariant;

import java.util.concurrent.locks.ReentrantReadWriteLock;

// Wrong fix: one read-write lock for both fields, but the feed must never wait for readers, so a move that cannot
// take the write lock at once is skipped: "the next tick brings a newer band anyway". Reads are whole, but a read
// after move() returned can get a band older than the one that move set.
// expect: DOES NOT WORK

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private long low;
    private long high;

    public TradingBand(long low, long high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public void move(long low, long high) {
        if (lock.writeLock().tryLock()) {
            try {
                this.low = low;
                this.high = high;
            } finally {
                lock.writeLock().unlock();
            }
        }
    }

    @Override
    public Band current() {
        lock.readLock().lock();
        try {
            return new Band(low, high);
        } finally {
            lock.readLock().unlock();
        }
    }
}
