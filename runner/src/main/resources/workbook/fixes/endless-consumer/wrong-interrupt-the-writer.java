package workbook.endlessconsumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

// Wrong fix: interrupt the writer in close(), to wake it from take(). It wakes the idle writer, but it also stops
// a writer that still has events to write: the write in progress is interrupted and the rest of the queue is lost.
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
