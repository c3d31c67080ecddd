package workbook.lostupdate;

import java.util.concurrent.atomic.LongAdder;

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private final LongAdder views = new LongAdder();

    @Override
    public void recordView() {
        views.increment();
    }

    @Override
    public long views() {
        return views.sum();
    }
}
