package workbook.endlessconsumer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Right fix, another way: no hand-written consumer at all. A single-thread executor keeps the order of the events;
// shutdown() refuses new ones, lets the queued ones run, and then ends the thread by itself.
// expect: FIXED

/** An audit log that hands events to a writer thread, so that callers never wait for the disk. */
public class AuditTrail implements AuditLog {

    private final ExecutorService writer =
            Executors.newSingleThreadExecutor(task -> Thread.ofPlatform().name("audit-writer").unstarted(task));
    private final AuditSink sink;

    public AuditTrail(AuditSink sink) {
        this.sink = sink;
    }

    @Override
    public void record(String event) {
        writer.execute(() -> sink.write(event));
    }

    @Override
    public void close() {
        writer.shutdown();
    }
}
