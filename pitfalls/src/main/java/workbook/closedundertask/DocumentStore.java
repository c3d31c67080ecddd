package workbook.closedundertask;

/** The document store, remote: each write takes a few milliseconds. */
public interface DocumentStore {

    Connection connect();
}
