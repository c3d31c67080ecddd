package workbook.unboundedqueue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Takes uploads in from the request threads and stores them on a few workers: requests never wait for the store. */
public class UploadService implements Ingest {

    /** 1,000 uploads of at most 16 KB: 16 MB waiting at most, half of what the contract allows. */
    private static final int MOST_WAITING = 1_000;

    private final BlobStore store;
    private final ExecutorService workers;

    public UploadService(BlobStore store, int workers) {
        this.store = store;
        // A bounded queue: once it is full, execute() throws RejectedExecutionException, and the request answers 503.
        this.workers = new ThreadPoolExecutor(workers, workers, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(MOST_WAITING));
    }

    @Override
    public void accept(Upload upload) {
        workers.execute(() -> store.put(upload));
    }

    @Override
    public void close() {
        workers.close();
    }
}
