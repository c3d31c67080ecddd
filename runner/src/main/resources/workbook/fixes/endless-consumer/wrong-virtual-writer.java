package workbook.endlessconsumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

// Wrong fix: a virtual thread for the writer, "they are cheap and never keep the JVM alive". They are daemon threads:
// the JVM exits when main() returns, and the events still queued are lost.
// expect: DOES NOT WORK

/** An audit log that hands events to a writer thread, so that callers never wait for the disk. */
public class AuditTrail implements AuditLog {

    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final AuditSink sink;
    private volatile boolean closed;

    public AuditTrail(AuditSink sink) {
        this.sink = sink;
        Thread.ofVirtual().name("audit-writer").start(this::writeAll);
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
