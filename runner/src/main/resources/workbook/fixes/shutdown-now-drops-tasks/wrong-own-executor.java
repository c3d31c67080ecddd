package workbook.shutdownnowdropstasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

// Wrong fix: distrust the executor the trail was given and write on one of its own, shut down properly. The events
// are all written, but not where the application said: its writer (sized, named, monitored) is left idle, and the
// contract says the events are written on the executor the trail was given.
// expect: DOES NOT WORK

/** Writes audit events in the background, so that requests never wait for the audit database. */
public class BackgroundAuditLog implements AuditTrail {

    private final ExecutorService writer;
    private final ExecutorService mine = Executors.newSingleThreadExecutor();
    private final AuditStore store;

    public BackgroundAuditLog(ExecutorService writer, AuditStore store) {
        this.writer = writer;
        this.store = store;
    }

    @Override
    public void record(String event) {
        mine.execute(() -> store.write(event));
    }

    @Override
    public void close() {
        mine.shutdown();
        writer.shutdown();
        try {
            mine.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
