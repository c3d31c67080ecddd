package workbook.torninvariant;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

// Right fix: a read-write lock; readers share the read lock, the feed takes the write lock for both fields.
// expect: FIXED

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private long low;
    private long high;

    public TradingBand(long low, long high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public void move(long low, long high) {
        lock.writeLock().lock();
        try {
            this.low = low;
            this.high = high;
        } finally {
            lock.writeLock().unlock();
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
