package workbook.lostupdate;

// Wrong fix: each call locks an object of its own, so no two calls ever wait for each other.
// expect: STILL BROKEN

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private long views;

    @Override
    public void recordView() {
        synchronized (new Object()) {
            views++;
        }
    }

    @Override
    public long views() {
        return views;
    }
}
