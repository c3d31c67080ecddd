package workbook.harness;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import workbook.harness.Evidence.ThreadView;

/**
 * Sees hangs that are not lock cycles: work that stops moving (a latch nobody counts down, a {@code Future.get}
 * that nobody completes, a class initialiser, a read lock wanted for writing). Progress is a counter the
 * scenario's contract side advances; a stall is that counter standing still for a quiet period while the work is
 * not done.
 */
public final class ProgressWatchdog {

    private static final long POLL_MILLIS = 10;

    private final LongSupplier progress;
    private final BooleanSupplier done;

    public ProgressWatchdog(LongSupplier progress, BooleanSupplier done) {
        this.progress = progress;
        this.done = done;
    }

    /** How a watch ended. */
    public sealed interface Watch {
    }

    /** The work was done. */
    public record Finished(long progress) implements Watch {
    }

    /** Nothing moved for the quiet period; the watched threads as they stood. */
    public record Stalled(long progress, long stalledAtMillis, List<ThreadView> threads) implements Watch {
    }

    /** Still moving when the time limit came. */
    public record StillRunning(long progress) implements Watch {
    }

    /**
     * Watches until the work is done, stalls for {@code quiet}, or {@code limit} passes. {@code threads} are the
     * threads whose stacks a stall reports.
     */
    public Watch watch(Duration quiet, Duration limit, Collection<Long> threads, LockNames names)
            throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long last = progress.getAsLong();
        long lastMoved = start;
        while (true) {
            if (done.getAsBoolean()) {
                return new Finished(progress.getAsLong());
            }
            long now = System.nanoTime();
            long current = progress.getAsLong();
            if (current != last) {
                last = current;
                lastMoved = now;
            } else if (now - lastMoved >= quiet.toNanos()) {
                return new Stalled(current, Duration.ofNanos(lastMoved - start).toMillis(),
                        ThreadViews.of(threads, names));
            }
            if (now >= deadline) {
                return new StillRunning(current);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
