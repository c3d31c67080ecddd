package workbook.shutdownnowdropstasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

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
        // shutdown() refuses new events but still runs the queued ones; shutdownNow() would hand them back unrun.
        writer.shutdown();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
