package workbook.closedundertask;

/** A connection to the document store: one at a time per upload, closed when done. */
public interface Connection extends AutoCloseable {

    /** Stores one chunk of the named part. Throws IllegalStateException once the connection is closed. */
    void write(String part, String chunk);

    @Override
    void close();
}
