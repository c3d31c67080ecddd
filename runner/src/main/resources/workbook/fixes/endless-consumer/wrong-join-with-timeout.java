package workbook.endlessconsumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

// Wrong fix: in close(), wait half a second for the writer, then interrupt it. The pending events are written within
// the wait, but every close() now takes the full 500 ms, idle trail or not: a fixed wait, not a wait for the writer.
// expect: DOES NOT WORK

/** An audit log that hands events to a writer thread, so that callers never wait for the disk. */
public class AuditTrail implements AuditLog {

    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final AuditSink sink;
    private volatile boolean closed;
    private final Thread writer;

    public AuditTrail(AuditSink sink) {
        this.sink = sink;
        writer = Thread.ofPlatform().name("audit-writer").start(this::writeAll);
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
        try {
            writer.join(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
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
