package workbook.unboundedqueue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Wrong fix: slow the callers down with a short sleep in accept(). Each request thread is slower, but there are many
// of them, so together they still outrun the store and the unbounded queue grows; and every call now waits, even
// when the service is idle.
// expect: STILL BROKEN

/** Takes uploads in from the request threads and stores them on a few workers: requests never wait for the store. */
public class UploadService implements Ingest {

    private final BlobStore store;
    private final ExecutorService workers;

    public UploadService(BlobStore store, int workers) {
        this.store = store;
        this.workers = Executors.newFixedThreadPool(workers);
    }

    @Override
    public void accept(Upload upload) {
        try {
            Thread.sleep(2); // let the workers catch up
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        workers.execute(() -> store.put(upload));
    }

    @Override
    public void close() {
        workers.close();
    }
}
