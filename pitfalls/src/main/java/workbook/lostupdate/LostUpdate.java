package workbook.lostupdate;

import java.time.Duration;
import java.util.Locale;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * Request threads record views at the same time; the scenario compares the views recorded with the views counted.
 * Rounds repeat until an update is lost, or until the threads have been seen running truly in parallel often enough
 * that a racy counter would have lost some: only then is no loss a CLEAN. A counter behind a lock makes its callers
 * take turns, so they are seldom seen in parallel: when that happens, a probe measures what the machine allows
 * without the counter, and if the machine runs threads in parallel, the lock is what kept them apart (CLEAN, said
 * so). Only when the probe is low too is the machine too busy to tell (INCONCLUSIVE).
 */
public final class LostUpdate implements Pitfall<ViewCounter> {

    static final int THREADS = 4;
    static final long VIEWS_PER_THREAD = 100_000;
    static final int MIN_ROUNDS = 3;
    /** Moments of truly parallel recording after which a racy counter has always lost updates. */
    static final long ENOUGH_PARALLEL = 500;
    /** Fewer parallel moments than this, and even a lock-based counter has not been seen under contention. */
    static final long SOME_PARALLEL = 50;
    /** How long the machine's own parallelism is measured, when the counter's threads showed little. */
    static final Duration PROBE = Duration.ofMillis(20);
    /** Fewer views than this in a whole trial is too little concurrency to call a counter correct. */
    static final long ENOUGH_VIEWS = 1_000_000;

    @Override
    public String id() {
        return "lost-update";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /** Both variants' threads end with the trial (the scenario shuts down what it started). */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<PageViewCounter> subject() {
        return PageViewCounter.class;
    }

    /** It measures the machine's parallelism during the run ({@link Stress}). */
    @Override
    public boolean needsIdleCores() {
        return true;
    }

    /**
     * What a round of recording showed, once its threads have ended: null if every view was counted. The count is
     * read after they were joined, so the read itself cannot be stale: a shortfall is updates lost.
     */
    static Finding judged(Stress.Result result, ViewCounter counter, String when, Trial trial) {
        if (!result.failures().isEmpty()) {
            return trial.notWorking("recordView() threw " + result.failures().get(0));
        }
        if (!result.stuck().isEmpty()) {
            return trial.notWorking("recordView() never returned on " + String.join(", ", result.stuck()),
                    new Evidence.Threads("Where they were stuck", result.stuckThreads()));
        }
        long counted = counter.views();
        if (counted != result.total()) {
            return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                    "%d threads recorded %,d views at once; the counter says %,d: %,d updates lost (%s)", THREADS,
                    result.total(), counted, result.total() - counted, when),
                    new Count("views", result.total(), counted));
        }
        return null;
    }

    @Override
    public Finding run(Class<? extends ViewCounter> implementation, Trial trial) throws Exception {
        long recorded = 0;
        long parallel = 0;
        long machine = 0;
        int round = 0;
        while (!trial.outOfTime() && (round < MIN_ROUNDS || parallel < ENOUGH_PARALLEL)) {
            if (round >= MIN_ROUNDS && parallel >= SOME_PARALLEL) {
                // Few moments in parallel: a busy machine, or a counter that makes its callers take turns?
                machine = Stress.machineParallelism(THREADS, PROBE);
                if (machine >= ENOUGH_PARALLEL) {
                    break;
                }
            }
            round++;
            ViewCounter counter = Subjects.create(implementation);
            Stress.Result result = Stress.run("request", THREADS, VIEWS_PER_THREAD, trial.remaining(),
                    (thread, i) -> counter.recordView());
            Finding wrong = judged(result, counter, "round " + round, trial);
            if (wrong != null) {
                return wrong;
            }
            recorded += result.total();
            parallel += result.parallel();
        }
        if (recorded < ENOUGH_VIEWS) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "only %,d views recorded in %,d ms: too slow to count views, and too few to show the race",
                    recorded, trial.elapsedMillis()));
        }
        Finding reading = LiveReading.watch(implementation, trial);
        if (reading != null) {
            return reading;
        }
        if (parallel < ENOUGH_PARALLEL && machine >= ENOUGH_PARALLEL) {
            return trial.clean(String.format(Locale.ROOT,
                    "%,d views from %d threads at once in %d rounds; every one counted. The counter made the threads"
                            + " take turns (seen running in parallel %,d times, while the same threads counting on"
                            + " their own ran in parallel %,d times in %d ms on this machine), as a lock does; a"
                            + " dashboard thread reading views() meanwhile saw the final count",
                    recorded, THREADS, round, parallel, machine, PROBE.toMillis()),
                    new Count("views", recorded, recorded));
        }
        if (parallel < ENOUGH_PARALLEL) {
            return trial.inconclusive(String.format(Locale.ROOT, "no update was lost, but the request threads were "
                    + "seen running in parallel only %,d times in %d rounds (%,d needed), and threads doing nothing"
                    + " but count ran in parallel only %,d times in %d ms: this machine is too busy to tell",
                    parallel, round, ENOUGH_PARALLEL, machine, PROBE.toMillis()));
        }
        return trial.clean(String.format(Locale.ROOT,
                "%,d views from %d threads at once in %d rounds, seen running in parallel %,d times; every one counted,"
                        + " and a dashboard thread reading views() meanwhile saw the final count",
                recorded, THREADS, round, parallel), new Count("views", recorded, recorded));
    }
}
