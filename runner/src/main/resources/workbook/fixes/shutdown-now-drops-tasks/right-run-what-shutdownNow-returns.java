package workbook.shutdownnowdropstasks;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

// Right fix, another way: keep shutdownNow() to stop fast, but do not drop the list it returns: run the tasks that
// never started on the closing thread, after the write in progress has finished, so every event is written once.
// expect: FIXED

/** Writes audit events in the background, so that requests never wait for the audit database. */
public class BackgroundAuditLog implements AuditTrail {

    private final ExecutorService writer;
    private final AuditStore store;

    public BackgroundAuditLog(ExecutorService writer, AuditStore store) {
        this.writer = writer;
        this.store = store;
    }

    @Override
    public void record(String event) {
        writer.execute(() -> store.write(event));
    }

    @Override
    public void close() {
        List<Runnable> neverStarted = writer.shutdownNow();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        neverStarted.forEach(Runnable::run);
    }
}
