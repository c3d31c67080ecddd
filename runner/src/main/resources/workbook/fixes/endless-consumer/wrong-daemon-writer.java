package workbook.endlessconsumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

// Wrong fix: make the writer a daemon thread, so that it cannot keep the JVM alive. It cannot keep it alive while
// it still has events to write either: the JVM exits as soon as main() returns, and the queued events are lost.
// expect: DOES NOT WORK

/** An audit log that hands events to a writer thread, so that callers never wait for the disk. */
public class AuditTrail implements AuditLog {

    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final AuditSink sink;
    private volatile boolean closed;

    public AuditTrail(AuditSink sink) {
        this.sink = sink;
        Thread.ofPlatform().name("audit-writer").daemon(true).start(this::writeAll);
    }

    @Override
    public void record(String event) {
        if (closed) {
            throw new IllegalStateException("audit trail closed");
        }
        pending.add(event);
    }

    @Override
    public void close() {
        closed = true;
    }

    private void writeAll() {
        try {
            // Once closed, write what is still pending, then stop.
            while (!closed || !pending.isEmpty()) {
                sink.write(pending.take());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
