package workbook.lostupdate;

import java.util.concurrent.atomic.AtomicLong;

// Wrong fix: an AtomicLong, used as a plain field: get() and set() are each atomic, the pair is not.
// expect: STILL BROKEN

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private final AtomicLong views = new AtomicLong();

    @Override
    public void recordView() {
        views.set(views.get() + 1);
    }

    @Override
    public long views() {
        return views.get();
    }
}
