package workbook.endlessconsumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

// Wrong fix: poll with a timeout instead of take(), so that the writer looks at the flag every 100 ms, and stop as
// soon as it is set. The idle writer ends, but a writer that still has events queued at close() drops them.
// expect: DOES NOT WORK

/** An audit log that hands events to a writer thread, so that callers never wait for the disk. */
public class AuditTrail implements AuditLog {

    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final AuditSink sink;
    private volatile boolean closed;

    public AuditTrail(AuditSink sink) {
        this.sink = sink;
        Thread.ofPlatform().name("audit-writer").start(this::writeAll);
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
            while (!closed) {
                String event = pending.poll(100, TimeUnit.MILLISECONDS);
                if (event != null) {
                    sink.write(event);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
