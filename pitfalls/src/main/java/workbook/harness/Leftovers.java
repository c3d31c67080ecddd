package workbook.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import workbook.harness.Evidence.ThreadView;

/**
 * What a trial left running after its scenario ended: threads the code under test started (platform or virtual)
 * that are still alive after a grace period, and tasks still running in the common pool. Every trial is checked, so
 * that a fix of a race that leaks a thread per call, or a private scheduler nobody shuts down, is never FIXED.
 */
final class Leftovers {

    /** How long a trial's threads (a pool winding down) may take to end before they count as left behind. */
    static final Duration GRACE = Duration.ofSeconds(2);

    /**
     * The common pool's threads are the JVM's: its idle workers linger for a minute, and from JDK 25 its delay
     * scheduler stays for good once a delayed task has been scheduled; nobody's leak.
     */
    private static final String COMMON_POOL = "ForkJoinPool.commonPool-";
    private static final String COMMON_POOL_WORKER = COMMON_POOL + "worker-";

    /** What was left, for a message and the evidence. */
    record Found(String what, List<ThreadView> threads) {
    }

    private final ThreadLeakDetector since;

    private Leftovers(ThreadLeakDetector since) {
        this.since = since;
    }

    /** Remembers the threads alive before the trial. */
    static Leftovers before() {
        return new Leftovers(ThreadLeakDetector.snapshot().ignoring(t -> t.getName().startsWith(COMMON_POOL)));
    }

    /** Waits up to {@link #GRACE} for what the trial started to end, and says what did not. */
    Optional<Found> after(LockNames names) throws InterruptedException {
        if (!ForkJoinPool.commonPool().awaitQuiescence(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
            List<ThreadView> busy = ThreadViews.of(
                    Thread.getAllStackTraces().keySet().stream()
                            .filter(t -> t.getName().startsWith(COMMON_POOL_WORKER)
                                    && t.getState() == Thread.State.RUNNABLE)
                            .map(Thread::threadId).toList(),
                    names);
            return Optional.of(new Found(
                    "a task it started was still running in the common pool " + GRACE.toMillis() + " ms later", busy));
        }
        List<ThreadView> survivors = since.survivorsAfter(GRACE, names);
        if (survivors.isEmpty()) {
            return Optional.empty();
        }
        String named = survivors.stream().map(ThreadView::name).collect(Collectors.joining(", "));
        return Optional.of(new Found(String.format(Locale.ROOT, "%d %s it started %s still alive %,d ms later (%s)",
                survivors.size(), survivors.size() == 1 ? "thread" : "threads",
                survivors.size() == 1 ? "was" : "were", GRACE.toMillis(), named), survivors));
    }

    /**
     * A CLEAN finding stays CLEAN only if nothing was left behind; otherwise the code did its work but not its job.
     */
    Finding judge(Finding finding, Trial trial) throws InterruptedException {
        if (finding.outcome() != Outcome.CLEAN) {
            return finding;
        }
        Optional<Found> left = after(trial.lockNames());
        if (left.isEmpty()) {
            return finding;
        }
        List<Evidence> evidence = new ArrayList<>(finding.evidence());
        evidence.add(new Evidence.Threads("Left running after the trial", left.get().threads()));
        return new Finding(Outcome.NOT_WORKING, null,
                "the work was done, but the code under test left work running when the trial ended: "
                        + left.get().what() + ". A fix must not leak threads: shut down what it starts. (The work: "
                        + finding.summary() + ")",
                evidence, finding.evidenceAtMillis());
    }
}
