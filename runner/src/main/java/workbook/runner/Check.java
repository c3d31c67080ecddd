package workbook.runner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbook.harness.Outcome;
import workbook.harness.Pitfall;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;

/**
 * Checks a learner's fix: compiles it, then runs the scenario against it several times, each in a fresh JVM. FIXED
 * only when no trial reproduced the failure and every trial proved the work was done.
 */
final class Check {

    /** What a check says, with its exit code. */
    enum Result {
        FIXED("FIXED", ExitCodes.AS_EXPECTED), STILL_BROKEN("STILL BROKEN", ExitCodes.STILL_BROKEN), DOES_NOT_WORK(
                "DOES NOT WORK", ExitCodes.DOES_NOT_WORK), INCONCLUSIVE("INCONCLUSIVE",
                        ExitCodes.INCONCLUSIVE), DOES_NOT_COMPILE("DOES NOT COMPILE", ExitCodes.DOES_NOT_COMPILE);

        final String label;
        final int exitCode;

        Result(String label, int exitCode) {
            this.label = label;
            this.exitCode = exitCode;
        }
    }

    /** The trials a fix must pass: more than one, since a race that shows once in three runs is still a race. */
    static final int TRIALS = 3;

    record Report(Result result, LearnerCompiler.Compilation compilation, List<Verdict> verdicts) {
        /** The verdict that decided, or the last one. */
        Verdict deciding() {
            return verdicts.get(verdicts.size() - 1);
        }
    }

    private final TrialLauncher launcher;
    private final Duration budget;
    private final int trials;

    Check(TrialLauncher launcher, Duration budget) {
        this(launcher, budget, TRIALS);
    }

    /** A check of fewer or more trials: the wrong-fix suite runs one per fixture. */
    Check(TrialLauncher launcher, Duration budget, int trials) {
        this.launcher = launcher;
        this.budget = budget;
        this.trials = trials;
    }

    Report run(Pitfall<?> pitfall, Path source, Path buildDir) throws IOException {
        LearnerCompiler.Compilation compilation = LearnerCompiler.compile(pitfall, source, buildDir);
        if (!compilation.compiled()) {
            return new Report(Result.DOES_NOT_COMPILE, compilation, List.of());
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            Verdict verdict = launcher.run(pitfall.id(), Variant.MINE, compilation.classes(), budget);
            verdicts.add(verdict);
            if (verdict.outcome() != Outcome.CLEAN) {
                return new Report(switch (verdict.outcome()) {
                    case REPRODUCED -> Result.STILL_BROKEN;
                    case NOT_WORKING -> Result.DOES_NOT_WORK;
                    default -> Result.INCONCLUSIVE;
                }, compilation, verdicts);
            }
        }
        return new Report(Result.FIXED, compilation, verdicts);
    }
}
