package workbook.lostupdate;

/** Counts page views: every request thread records its views at once, and a dashboard reads the count meanwhile. */
public interface ViewCounter {

    void recordView();

    long views();
}
