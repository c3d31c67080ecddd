package workbook.torninvariant;

import java.util.concurrent.locks.StampedLock;

// Right fix: a StampedLock. A reader reads both fields optimistically, without locking, and keeps them only if no
// move began meanwhile; otherwise it reads again under the read lock.
// expect: FIXED

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private final StampedLock lock = new StampedLock();
    private long low;
    private long high;

    public TradingBand(long low, long high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public void move(long low, long high) {
        long stamp = lock.writeLock();
        try {
            this.low = low;
            this.high = high;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    @Override
    public Band current() {
        long stamp = lock.tryOptimisticRead();
        Band band = new Band(low, high);
        if (lock.validate(stamp)) {
            return band;
        }
        stamp = lock.readLock();
        try {
            return new Band(low, high);
        } finally {
            lock.unlockRead(stamp);
        }
    }
}
