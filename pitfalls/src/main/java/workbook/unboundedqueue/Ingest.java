package workbook.unboundedqueue;

import java.util.concurrent.RejectedExecutionException;

/**
 * Takes uploads in from the request threads and stores them in the background, on workers of its own. Many request
 * threads call it at once, and in a spike they hand it uploads much faster than the store takes them.
 */
public interface Ingest extends AutoCloseable {

    /** The most bytes of accepted uploads that may be waiting to be stored at any moment: 32 MB. */
    long MAX_PENDING_BYTES = 32L * 1024 * 1024;

    /**
     * Takes the upload in, to be stored, or refuses it where the caller sees it. The promises:
     * <ul>
     * <li>an upload it accepts ({@code accept} returns normally) is stored, exactly once;</li>
     * <li>an upload it cannot take now is refused visibly: {@code accept} throws a
     * {@link RejectedExecutionException} (the request answers "503, try again later"), or holds the caller until it
     * can take it (back-pressure). It is never dropped without the caller knowing;</li>
     * <li>however fast the callers, the uploads it has accepted and not yet stored never hold more than
     * {@link #MAX_PENDING_BYTES} (a bigger heap would only delay the crash);</li>
     * <li>while uploads come slower than the store takes them, it accepts every one and returns at once;</li>
     * <li>it stores as many uploads at once as it was given workers.</li>
     * </ul>
     */
    void accept(Upload upload);

    /** Refuses new uploads, stores the ones it accepted, and ends its threads, all before it returns. */
    @Override
    void close();
}
