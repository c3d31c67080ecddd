package workbook.unboundedqueue;

/** Where uploads are kept for good. Storing takes a while: it is a remote call. */
public interface BlobStore {

    void put(Upload upload);
}
