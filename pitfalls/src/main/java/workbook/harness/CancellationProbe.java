package workbook.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.Evidence.Event;
import workbook.harness.Evidence.Timeline;

/**
 * Sees work go on after a cancel or a timeout. The scenario's side of the contract calls {@link #work} at every
 * unit of work the code under test does, and {@link #cancelled} when the caller gives up.
 */
public final class CancellationProbe {

    /** Keeps a timeline readable and its memory bounded however long the work goes on. */
    private static final int MAX_EVENTS = 200;

    private final long origin;
    private final String lateMark;
    private final List<Event> events = new ArrayList<>();
    private final AtomicInteger before = new AtomicInteger();
    private final AtomicInteger after = new AtomicInteger();
    private volatile long cancelledAt = Long.MAX_VALUE;

    public CancellationProbe() {
        this(System.nanoTime());
    }

    /** A probe whose timeline counts from {@code originNanos} (a {@link System#nanoTime()} value). */
    public CancellationProbe(long originNanos) {
        this(originNanos, "after cancel");
    }

    /**
     * A probe whose timeline counts from {@code originNanos} and marks the work after the caller gave up with
     * {@code after} (for instance "after the timeout", where nobody cancelled).
     */
    public CancellationProbe(long originNanos, String after) {
        this.origin = originNanos;
        this.lateMark = "  <- " + after;
    }

    /** A unit of work starts now, on the current thread. */
    public void work(String what) {
        long now = System.nanoTime();
        boolean late = now > cancelledAt;
        (late ? after : before).incrementAndGet();
        record(now, late ? what + lateMark : what);
    }

    /** The caller gave up now. */
    public void cancelled(String how) {
        cancelled(how, System.nanoTime());
    }

    /** The caller gave up at {@code atNanos} (a {@link System#nanoTime()} value already taken), as {@code how}. */
    public void cancelled(String how, long atNanos) {
        cancelledAt = atNanos;
        record(atNanos, how);
    }

    /** Something else worth a line in the timeline. */
    public void note(String what) {
        record(System.nanoTime(), what);
    }

    /** Where its timeline counts from, as {@link System#nanoTime()}. */
    public long originNanos() {
        return origin;
    }

    public int workBeforeCancel() {
        return before.get();
    }

    public int workAfterCancel() {
        return after.get();
    }

    /** Waits until {@code units} units of work have started after the cancel, or {@code within} has passed. */
    public boolean awaitWorkAfterCancel(int units, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (after.get() < units && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return after.get() >= units;
    }

    /** Milliseconds since the cancel, or -1 before it. */
    public long millisSinceCancel() {
        long at = cancelledAt;
        return at == Long.MAX_VALUE ? -1 : Duration.ofNanos(System.nanoTime() - at).toMillis();
    }

    public Timeline timeline(String caption) {
        synchronized (events) {
            // A give-up recorded with the moment it happened may come after work recorded since.
            List<Event> inOrder = new ArrayList<>(events);
            inOrder.sort(Comparator.comparingLong(Event::atMillis));
            return new Timeline(caption, inOrder);
        }
    }

    private void record(long nanos, String what) {
        synchronized (events) {
            if (events.size() < MAX_EVENTS) {
                events.add(new Event(Duration.ofNanos(nanos - origin).toMillis(), Thread.currentThread().getName(),
                        what));
            }
        }
    }
}
