package workbook.unboundedqueue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
        workers.execute(() -> store.put(upload));
    }

    @Override
    public void close() {
        workers.close();
    }
}
