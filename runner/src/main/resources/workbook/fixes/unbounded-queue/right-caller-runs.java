package workbook.unboundedqueue;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

// Right fix, another way: a bounded queue whose pool runs an upload that does not fit on the caller's own thread
// (CallerRunsPolicy). The request that found the queue full stores its upload itself, so it is slowed to the store's
// pace: back-pressure, with nothing dropped and nothing refused. The store still takes no more puts at once than it
// allows; the callers just wait their turn.
// expect: FIXED

/** Takes uploads in from the request threads and stores them on a few workers: requests never wait for the store. */
public class UploadService implements Ingest {

    private final BlobStore store;
    private final ExecutorService workers;

    public UploadService(BlobStore store, int workers) {
        this.store = store;
        this.workers = new ThreadPoolExecutor(workers, workers, 0L, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(500), new ThreadPoolExecutor.CallerRunsPolicy());
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
