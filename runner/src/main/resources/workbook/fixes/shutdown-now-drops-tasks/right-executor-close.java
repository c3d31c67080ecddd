package workbook.shutdownnowdropstasks;

import java.util.concurrent.ExecutorService;

// Right fix, another way: ExecutorService.close() (Java 19+) calls shutdown() and waits until every queued task has
// run; it turns to shutdownNow() only if the closing thread is interrupted while it waits.
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
        writer.close();
    }
}
