package workbook.shutdownnowdropstasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: shutdown() followed at once by shutdownNow(), "to be sure". The second call drains the queue just the
// same.
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
        writer.shutdown();
        writer.shutdownNow();
        try {
            writer.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
