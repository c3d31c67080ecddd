package workbook.lostupdate;

import java.util.concurrent.locks.ReentrantLock;

// Wrong fix: a view that finds the lock taken is not counted at all. No two updates race any more; views are
// dropped instead.
// expect: STILL BROKEN

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private final ReentrantLock lock = new ReentrantLock();
    private long views;

    @Override
    public void recordView() {
        if (lock.tryLock()) {
            try {
                views++;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public long views() {
        lock.lock();
        try {
            return views;
        } finally {
            lock.unlock();
        }
    }
}
