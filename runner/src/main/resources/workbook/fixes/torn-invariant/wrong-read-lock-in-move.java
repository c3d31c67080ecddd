package workbook.torninvariant;

import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

// Wrong fix: a read-write lock, with move() taking the read lock too ("it only sets two fields, and nobody else
// writes them"). A read lock keeps out writers, not readers: the feed and the readers hold it at once, as before.
// expect: STILL BROKEN

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
        lock.readLock().lock();
        try {
            this.low = low;
            this.high = high;
        } finally {
            lock.readLock().unlock();
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
