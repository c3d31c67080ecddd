package workbook.unboundedqueue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

// Right fix, another way: keep the pool, and bound what it holds with a Semaphore of 1,000 permits. accept() takes a
// permit before it queues an upload and the task gives it back once the upload is stored, so a full service holds the
// caller until there is room (back-pressure). At most 1,000 uploads (16 MB) are accepted and not yet stored.
// expect: FIXED

/** Takes uploads in from the request threads and stores them on a few workers: requests never wait for the store. */
public class UploadService implements Ingest {

    private final BlobStore store;
    private final ExecutorService workers;
    private final Semaphore room = new Semaphore(1_000);

    public UploadService(BlobStore store, int workers) {
        this.store = store;
        this.workers = Executors.newFixedThreadPool(workers);
    }

    @Override
    public void accept(Upload upload) {
        room.acquireUninterruptibly();
        try {
            workers.execute(() -> {
                try {
                    store.put(upload);
                } finally {
                    room.release();
                }
            });
        } catch (RuntimeException refused) {
            room.release();
            throw refused;
        }
    }

    @Override
    public void close() {
        workers.close();
    }
}
