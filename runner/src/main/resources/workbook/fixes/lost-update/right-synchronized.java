package workbook.lostupdate;

// Right fix, another way than the reference: one lock, the counter's own monitor, for the write and the read.
// expect: FIXED

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private long views;

    @Override
    public synchronized void recordView() {
        views++;
    }

    @Override
    public synchronized long views() {
        return views;
    }
}
