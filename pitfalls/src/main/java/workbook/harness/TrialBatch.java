package workbook.harness;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Many trials of one variant, one after another in one JVM: a benchmark of a thousand trials in minutes rather than
 * hours. Only for pitfalls whose trials leave nothing behind ({@link Pitfall#trialsShareJvm()}), and checked: after
 * every trial, the threads the trial started must end within a grace period, or the batch stops, since the next
 * trial would no longer start from a clean JVM.
 *
 * <p>Each verdict is appended to the verdict file as one line ({@link Wire}) as soon as it is made, so the launcher
 * can show progress and keeps what was done if the batch is cut short. When the batch stops early, its last line is
 * {@link #STOPPED} and the reason.
 */
final class TrialBatch {

    /** Marks the line that says why a batch stopped before its last trial. */
    static final String STOPPED = "stopped: ";

    /** How long a trial's threads (a pool winding down) may take to end before they count as left behind. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private static final String COMMON_POOL_WORKER = "ForkJoinPool.commonPool-worker-";

    /** The exit status of a batch that stopped early. */
    static final int STOPPED_STATUS = 3;

    private TrialBatch() {
    }

    /** Runs {@code count} trials, writing their verdicts to {@code out}; returns the JVM's exit status. */
    static int run(String id, Variant variant, Duration budget, int count, Path out) throws IOException {
        Pitfall<?> pitfall = Pitfalls.byId(id).orElseThrow(() -> new IllegalArgumentException("no pitfall " + id));
        if (!pitfall.trialsShareJvm()) {
            throw new IllegalArgumentException(id + "'s trials each need a JVM of their own");
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            for (int i = 1; i <= count; i++) {
                ThreadLeakDetector threads = ThreadLeakDetector.snapshot();
                TrialMain.Ran ran = TrialMain.runOnce(id, variant, budget);
                writer.write(Wire.encode(ran.verdict()) + "\n");
                writer.flush();
                String leftBehind = ran.scenarioEnded() ? leftBehind(threads) : "its scenario was still running";
                if (leftBehind != null) {
                    writer.write(STOPPED + "trial " + i + " of " + count + " left the JVM unclean (" + leftBehind
                            + "), so no further trial could start clean\n");
                    return STOPPED_STATUS;
                }
            }
        }
        return 0;
    }

    private static String leftBehind(ThreadLeakDetector threads) throws IOException {
        try {
            // The common pool's workers are the JVM's, and idle ones linger for a minute: what counts is that no
            // task of the trial still runs there.
            if (!ForkJoinPool.commonPool().awaitQuiescence(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return "a task of it still running in the common pool " + GRACE.toMillis() + " ms after it";
            }
            List<Evidence.ThreadView> survivors = threads
                    .ignoring(t -> t.getName().startsWith(COMMON_POOL_WORKER)).survivorsAfter(GRACE, new LockNames());
            return survivors.isEmpty()
                    ? null
                    : survivors.size() + " thread(s) still alive " + GRACE.toMillis() + " ms after it: "
                            + survivors.stream().map(Evidence.ThreadView::name).collect(Collectors.joining(", "));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking a trial's threads", e);
        }
    }
}
