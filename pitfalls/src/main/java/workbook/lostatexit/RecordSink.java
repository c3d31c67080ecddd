package workbook.lostatexit;

/** Where exported records go: a remote store, so every write is a slow network call. */
public interface RecordSink {

    void write(String record);
}
