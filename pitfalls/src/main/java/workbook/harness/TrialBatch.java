package workbook.harness;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

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
    static final Duration GRACE = Leftovers.GRACE;

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
                Leftovers threads = Leftovers.before();
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

    /**
     * Runs one trial of each learner's classes (a folder each, a fix of the pitfall's subject), one after another,
     * each loaded afresh ({@link LearnerClassLoader}): the wrong-fix suite's fixtures, without a JVM start each. Stops
     * the same way as {@link #run}; a fix that ends the JVM ends the batch, and its launcher runs it alone.
     */
    static int runLearners(String id, Duration budget, List<Path> learners, Path out) throws IOException {
        Pitfall<?> pitfall = Pitfalls.byId(id).orElseThrow(() -> new IllegalArgumentException("no pitfall " + id));
        if (!pitfall.trialsShareJvm()) {
            throw new IllegalArgumentException(id + "'s trials each need a JVM of their own");
        }
        try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.US_ASCII)) {
            for (int i = 0; i < learners.size(); i++) {
                Leftovers threads = Leftovers.before();
                Path classes = learners.get(i);
                ClassLoader loader = new LearnerClassLoader(classes, TrialBatch.class.getClassLoader());
                TrialClasspath.learnersFirst(classes);
                TrialMain.Ran ran;
                try {
                    ran = TrialMain.runOnce(id, Variant.MINE, budget, learnerSubject(pitfall, loader));
                } finally {
                    TrialClasspath.learnersFirst(null);
                }
                writer.write(Wire.encode(ran.verdict()) + "\n");
                writer.flush();
                String leftBehind = ran.scenarioEnded() ? leftBehind(threads) : "its scenario was still running";
                if (leftBehind != null) {
                    writer.write(STOPPED + "trial " + (i + 1) + " of " + learners.size() + " left the JVM unclean ("
                            + leftBehind + "), so no further trial could start clean\n");
                    return STOPPED_STATUS;
                }
            }
        }
        return 0;
    }

    private static Class<?> learnerSubject(Pitfall<?> pitfall, ClassLoader loader) {
        try {
            // Not initialised here: its static initialiser runs in the trial, where a hang or a throw is judged.
            return Class.forName(pitfall.subject().getName(), false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the learner's classes hold no " + pitfall.subject().getName(), e);
        }
    }

    private static String leftBehind(Leftovers threads) throws IOException {
        try {
            return threads.after(new LockNames()).map(Leftovers.Found::what).orElse(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while checking a trial's threads", e);
        }
    }
}
