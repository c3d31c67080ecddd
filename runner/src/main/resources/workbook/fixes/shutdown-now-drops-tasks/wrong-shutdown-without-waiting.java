package workbook.shutdownnowdropstasks;

import java.util.concurrent.ExecutorService;

// Wrong fix: shutdown() instead of shutdownNow(), but no awaitTermination. Nothing is dropped by the executor, but
// close() returns before the queued events are written, so an exit right after close() loses them.
// expect: DOES NOT WORK

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
    }
}
