package workbook.lostupdate;

// Wrong fix: the increment is behind the lock, so no view is lost, but views() reads the field without it. A
// dashboard thread reading the count while requests record views has no happens-before edge with their writes: it
// may read the field once and keep that value for good.
// expect: DOES NOT WORK

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private long views;

    @Override
    public synchronized void recordView() {
        views++;
    }

    @Override
    public long views() {
        return views;
    }
}
