package workbook.closedundertask;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToLongFunction;
import workbook.harness.Evidence.Event;
import workbook.harness.Overlap;

/**
 * The store of one round: every write takes the time drawn for its part; a write on a closed connection is refused
 * with IllegalStateException, and one chunk drawn for a failing round is rejected with UncheckedIOException. Records
 * every write, every refusal and every close, in milliseconds since the round started.
 */
final class ScriptedStore implements DocumentStore {

    /** A write as the store saw it. */
    record Write(String part, String chunk, String thread, long atMillis, RuntimeException refused) {
    }

    private final long start = System.nanoTime();
    private final List<Write> writes = new CopyOnWriteArrayList<>();
    private final List<Event> closes = new CopyOnWriteArrayList<>();
    /** Every write and close, appended as it happens: in the order they happened. */
    private final List<Event> timeline = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final Overlap partsAtOnce = new Overlap();
    private final ToLongFunction<String> writeMillis;
    private final String rejectedChunk;
    private volatile RuntimeException rejection;

    ScriptedStore(ToLongFunction<String> writeMillis, String rejectedChunk) {
        this.writeMillis = writeMillis;
        this.rejectedChunk = rejectedChunk;
    }

    @Override
    public Connection connect() {
        connections.incrementAndGet();
        return new Connection() {
            private volatile boolean closed;

            @Override
            public void write(String part, String chunk) {
                if (closed) {
                    IllegalStateException refused = new IllegalStateException("connection closed");
                    record(new Write(part, chunk, Thread.currentThread().getName(), millis(), refused));
                    throw refused;
                }
                partsAtOnce.enter();
                try {
                    Thread.sleep(Duration.ofMillis(writeMillis.applyAsLong(part)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("the write of " + chunk + " was interrupted", e);
                } finally {
                    partsAtOnce.exit();
                }
                if (chunk.equals(rejectedChunk)) {
                    UncheckedIOException rejected = new UncheckedIOException(new IOException(
                            "the store rejected " + chunk + ": quota exceeded"));
                    rejection = rejected;
                    record(new Write(part, chunk, Thread.currentThread().getName(), millis(), rejected));
                    throw rejected;
                }
                record(new Write(part, chunk, Thread.currentThread().getName(), millis(), null));
            }

            @Override
            public void close() {
                closed = true;
                recordClose();
            }
        };
    }

    long millis() {
        return millisAt(System.nanoTime());
    }

    /** A {@link System#nanoTime()} in the round's milliseconds. */
    long millisAt(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - start);
    }

    List<Write> writes() {
        return List.copyOf(writes);
    }

    List<Write> stored() {
        return writes.stream().filter(w -> w.refused() == null).toList();
    }

    List<Write> refused() {
        return writes.stream().filter(w -> w.refused() instanceof IllegalStateException).toList();
    }

    List<Event> closes() {
        return List.copyOf(closes);
    }

    int connections() {
        return connections.get();
    }

    int mostPartsAtOnce() {
        return partsAtOnce.most();
    }

    /** The failure the store threw for the rejected chunk, once it did. */
    RuntimeException rejection() {
        return rejection;
    }

    /** Every write and close, in the order they happened, as timeline events. */
    List<Event> timeline() {
        return List.copyOf(timeline);
    }

    /** Stamped and added in one step, so that the timeline's times go up in its order. */
    private synchronized void record(Write unstamped) {
        Write write = new Write(unstamped.part(), unstamped.chunk(), unstamped.thread(), millis(), unstamped.refused());
        writes.add(write);
        timeline.add(new Event(write.atMillis(), write.thread(), write.refused() == null
                ? "stored " + write.chunk()
                : "refused " + write.chunk() + ": " + write.refused().getMessage()));
    }

    private synchronized void recordClose() {
        Event close = new Event(millis(), Thread.currentThread().getName(), "connection closed");
        closes.add(close);
        timeline.add(close);
    }
}
