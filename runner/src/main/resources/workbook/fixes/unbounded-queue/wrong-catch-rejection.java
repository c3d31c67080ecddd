package workbook.unboundedqueue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

// Wrong fix: the bounded queue of the solution, but accept() catches the RejectedExecutionException and logs it, "so
// that a full queue does not fail the request". The refusal never reaches the caller, who answers "stored": the
// upload is dropped as silently as with DiscardPolicy, with a log line nobody reads.
// expect: DOES NOT WORK

/** Takes uploads in from the request threads and stores them on a few workers: requests never wait for the store. */
public class UploadService implements Ingest {

    private final BlobStore store;
    private final ExecutorService workers;

    public UploadService(BlobStore store, int workers) {
        this.store = store;
        this.workers = new ThreadPoolExecutor(workers, workers, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1_000));
    }

    @Override
    public void accept(Upload upload) {
        try {
            workers.execute(() -> store.put(upload));
        } catch (RejectedExecutionException e) {
            System.Logger log = System.getLogger(UploadService.class.getName());
            log.log(System.Logger.Level.DEBUG, "queue full, upload {0} not stored", upload.id());
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
