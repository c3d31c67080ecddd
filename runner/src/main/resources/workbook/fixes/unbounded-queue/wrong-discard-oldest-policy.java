package workbook.unboundedqueue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

// Wrong fix: a bounded queue whose pool makes room by discarding the oldest waiting upload (DiscardOldestPolicy).
// Every accept() returns normally, but uploads accepted earlier are thrown away unseen: their callers were told
// "stored", and the files are lost.
// expect: DOES NOT WORK

/** Takes uploads in from the request threads and stores them on a few workers: requests never wait for the store. */
public class UploadService implements Ingest {

    private final BlobStore store;
    private final ExecutorService workers;

    public UploadService(BlobStore store, int workers) {
        this.store = store;
        this.workers = new ThreadPoolExecutor(workers, workers, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1_000), new ThreadPoolExecutor.DiscardOldestPolicy());
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
