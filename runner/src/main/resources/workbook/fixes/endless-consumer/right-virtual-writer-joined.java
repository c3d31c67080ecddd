package workbook.endlessconsumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

// Right fix, another way: a virtual writer thread, woken by a poison pill, and close() joins it. A virtual thread
// is a daemon and would not keep the JVM alive for the pending events, so close() itself waits until they are written.
// expect: FIXED

/** An audit log that hands events to a writer thread, so that callers never wait for the disk. */
public class AuditTrail implements AuditLog {

    /** The poison pill: compared by identity, so no recorded event can be mistaken for it. */
    private static final String END_OF_TRAIL = new String("end of trail");

    private final BlockingQueue<String> pending = new LinkedBlockingQueue<>();
    private final AuditSink sink;
    private volatile boolean closed;
    private final Thread writer;

    public AuditTrail(AuditSink sink) {
        this.sink = sink;
        writer = Thread.ofVirtual().name("audit-writer").start(this::writeAll);
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
        pending.add(END_OF_TRAIL);
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeAll() {
        try {
            for (String event = pending.take(); event != END_OF_TRAIL; event = pending.take()) {
                sink.write(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
