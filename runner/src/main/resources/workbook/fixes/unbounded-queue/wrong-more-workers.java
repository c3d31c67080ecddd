package workbook.unboundedqueue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Wrong fix: sixteen times the workers, "so that they keep up". The store takes only so many puts at once, so the
// extra workers wait on the store instead of the queue; the queue is as unbounded as before and grows as fast.
// expect: STILL BROKEN

/** Takes uploads in from the request threads and stores them on a few workers: requests never wait for the store. */
public class UploadService implements Ingest {

    private final BlobStore store;
    private final ExecutorService workers;

    public UploadService(BlobStore store, int workers) {
        this.store = store;
        this.workers = Executors.newFixedThreadPool(workers * 16);
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
