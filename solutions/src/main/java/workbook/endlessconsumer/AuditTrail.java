package workbook.endlessconsumer;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** An audit log that hands events to a writer thread, so that callers never wait for the disk. */
public class AuditTrail implements AuditLog {

    /** The poison pill: compared by identity, so no recorded event can be mistaken for it. */
    private static final String END_OF_TRAIL = new String("end of trail");

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
        // A writer parked in take() never looks at the flag again: wake it with a last element in the queue.
        pending.add(END_OF_TRAIL);
    }

    private void writeAll() {
        try {
            // Write every event recorded before close(), then stop at the pill.
            for (String event = pending.take(); event != END_OF_TRAIL; event = pending.take()) {
                sink.write(event);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
