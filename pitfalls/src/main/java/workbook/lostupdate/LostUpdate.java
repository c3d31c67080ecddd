package workbook.lostupdate;

import java.util.Locale;
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
 * that a racy counter would have lost some: only then is no loss a CLEAN. On a machine too busy to run them in
 * parallel, the answer is INCONCLUSIVE.
 */
public final class LostUpdate implements Pitfall<ViewCounter> {

    static final int THREADS = 4;
    static final long VIEWS_PER_THREAD = 100_000;
    static final int MIN_ROUNDS = 3;
    /** Moments of truly parallel recording after which a racy counter has always lost updates. */
    static final long ENOUGH_PARALLEL = 500;
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

    @Override
    public Finding run(Class<? extends ViewCounter> implementation, Trial trial) throws Exception {
        long recorded = 0;
        long parallel = 0;
        int round = 0;
        while (!trial.outOfTime() && (round < MIN_ROUNDS || parallel < ENOUGH_PARALLEL)) {
            round++;
            ViewCounter counter = Subjects.create(implementation);
            Stress.Result result = Stress.run("request", THREADS, VIEWS_PER_THREAD, trial.remaining(),
                    (thread, i) -> counter.recordView());
            if (!result.failures().isEmpty()) {
                return trial.notWorking("recordView() threw " + result.failures().get(0));
            }
            if (!result.stuck().isEmpty()) {
                return trial.notWorking("recordView() never returned on " + String.join(", ", result.stuck()));
            }
            long counted = counter.views();
            if (counted != result.total()) {
                return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                        "%d threads recorded %,d views at once; the counter says %,d: %,d updates lost (round %d)",
                        THREADS, result.total(), counted, result.total() - counted, round),
                        new Count("views", result.total(), counted));
            }
            recorded += counted;
            parallel += result.parallel();
        }
        if (recorded < ENOUGH_VIEWS) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "only %,d views recorded in %,d ms: too slow to count views, and too few to show the race",
                    recorded, trial.elapsedMillis()));
        }
        if (parallel < ENOUGH_PARALLEL) {
            return trial.inconclusive(String.format(Locale.ROOT, "no update was lost, but the request threads were "
                    + "seen running in parallel only %,d times in %d rounds (%,d needed): this machine is too busy "
                    + "to tell", parallel, round, ENOUGH_PARALLEL));
        }
        return trial.clean(String.format(Locale.ROOT,
                "%,d views from %d threads at once in %d rounds, seen running in parallel %,d times; every one counted",
                recorded, THREADS, round, parallel), new Count("views", recorded, recorded));
    }
}
