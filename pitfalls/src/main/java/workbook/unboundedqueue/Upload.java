package workbook.unboundedqueue;

/**
 * One chunk of a file a client uploads: large files come as several chunks.
 *
 * @param id unique per chunk
 */
public record Upload(String id, byte[] bytes) {

    /** The largest chunk a client may send: 16 KB. */
    public static final int MAX_BYTES = 16 * 1024;
}
