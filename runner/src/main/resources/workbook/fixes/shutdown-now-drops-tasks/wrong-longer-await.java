package workbook.shutdownnowdropstasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: a longer awaitTermination after shutdownNow(). shutdownNow() has already emptied the queue, so there is
// nothing more to wait for: the queued events are dropped all the same.
// expect: STILL BROKEN

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
        writer.shutdownNow();
        try {
            writer.awaitTermination(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
