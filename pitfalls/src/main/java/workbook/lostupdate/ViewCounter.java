package workbook.lostupdate;

/** Counts page views. Called from every request thread at once. */
public interface ViewCounter {

    void recordView();

    long views();
}
