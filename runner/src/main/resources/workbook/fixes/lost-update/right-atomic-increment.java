package workbook.lostupdate;

import java.util.concurrent.atomic.AtomicLong;

// Right fix, another way than the reference: AtomicLong's incrementAndGet is one atomic read-modify-write.
// expect: FIXED

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private final AtomicLong views = new AtomicLong();

    @Override
    public void recordView() {
        views.incrementAndGet();
    }

    @Override
    public long views() {
        return views.get();
    }
}
