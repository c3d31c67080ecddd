package workbook.shutdownnowdropstasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: the bounded shutdown with a grace period that is too short: shutdown(), wait 100 ms, then shutdownNow()
// "so a deploy never waits long". Whatever the writer has not written in 100 ms is dropped, and with a busy store
// that is most of the queue.
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
        try {
            if (!writer.awaitTermination(100, TimeUnit.MILLISECONDS)) {
                writer.shutdownNow();
                writer.awaitTermination(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
