package workbook.lostupdate;

// Wrong fix: volatile makes every read see the latest write, but views++ is still a read, an add and a write,
// and two threads can read the same value between them.
// expect: STILL BROKEN

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private volatile long views;

    @Override
    public void recordView() {
        views++;
    }

    @Override
    public long views() {
        return views;
    }
}
