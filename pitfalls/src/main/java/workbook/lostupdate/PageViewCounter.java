package workbook.lostupdate;

/** Counts the views of one page; every request thread calls {@link #recordView()}. */
public class PageViewCounter implements ViewCounter {

    private long views;

    @Override
    public void recordView() {
        views++;
    }

    @Override
    public long views() {
        return views;
    }
}
