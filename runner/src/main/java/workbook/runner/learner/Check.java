package workbook.runner.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbook.harness.Outcome;
import workbook.harness.Pitfall;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.runner.ExitCodes;

/**
 * Checks a learner's fix: compiles it, then runs the scenario against it several times, each in a fresh JVM. FIXED
 * only when no trial reproduced the failure and every trial proved the work was done.
 */
public final class Check {

    /** What a check says, with its exit code. */
    public enum Result {
        FIXED("FIXED", ExitCodes.AS_EXPECTED), STILL_BROKEN("STILL BROKEN", ExitCodes.STILL_BROKEN), DOES_NOT_WORK(
                "DOES NOT WORK", ExitCodes.DOES_NOT_WORK), INCONCLUSIVE("INCONCLUSIVE",
                        ExitCodes.INCONCLUSIVE),
        /** No failure seen, and none could be here: the check cannot tell this code from the broken one. */
        NOT_OBSERVABLE("NOT OBSERVABLE HERE", ExitCodes.INCONCLUSIVE), DOES_NOT_COMPILE("DOES NOT COMPILE",
                ExitCodes.DOES_NOT_COMPILE);

        public final String label;
        public final int exitCode;

        Result(String label, int exitCode) {
            this.label = label;
            this.exitCode = exitCode;
        }
    }

    /** The trials a fix must pass: more than one, since a race that shows once in three runs is still a race. */
    public static final int TRIALS = 3;

    /**
     * @param restored the learner's files a trial changed, deleted or added, which the check put back
     */
    public record Report(Result result, LearnerCompiler.Compilation compilation, List<Verdict> verdicts,
            List<String> restored) {
        Report(Result result, LearnerCompiler.Compilation compilation, List<Verdict> verdicts) {
            this(result, compilation, verdicts, List.of());
        }

        /** The verdict that decided, or the last one. */
        public Verdict deciding() {
            return verdicts.get(verdicts.size() - 1);
        }
    }

    private final TrialLauncher launcher;
    private final Duration budget;
    private final int trials;
    private final Workspace workspace;

    /** A check that keeps the learner's workspace safe from the trials (see {@link WorkspaceGuard}). */
    public Check(TrialLauncher launcher, Duration budget, Workspace workspace) {
        this(launcher, budget, TRIALS, workspace);
    }

    /** A check of fewer or more trials (the wrong-fix suite runs one per fixture); {@code workspace} may be null. */
    public Check(TrialLauncher launcher, Duration budget, int trials, Workspace workspace) {
        this.launcher = launcher;
        this.budget = budget;
        this.trials = trials;
        this.workspace = workspace;
    }

    /**
     * Checks several fixes of one pitfall, each in a build folder of its own under {@code builds}: for the wrong-fix
     * suite. Where the pitfall's trials share a JVM and one trial each is asked for, the fixes take their turns in
     * one JVM ({@link TrialLauncher#runLearners}); a fix that leaves the JVM unclean ends that batch, and one that
     * ends or wrecks the JVM is checked again alone, so every fix gets the verdict a check of its own gives.
     */
    public List<Report> runEach(Pitfall<?> pitfall, List<Path> sources, Path builds) throws IOException {
        List<Report> reports = new ArrayList<>();
        List<Integer> compiled = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            Path build = Files.createDirectories(builds.resolve(String.valueOf(i + 1)));
            if (!pitfall.trialsShareJvm() || trials != 1 || workspace != null) {
                reports.add(run(pitfall, sources.get(i), build));
                continue;
            }
            LearnerCompiler.Compilation compilation = LearnerCompiler.compile(pitfall, sources.get(i), build);
            reports.add(new Report(Result.DOES_NOT_COMPILE, compilation, List.of()));
            if (compilation.compiled()) {
                compiled.add(i);
            }
        }
        int next = 0;
        while (next < compiled.size()) {
            List<Integer> batch = compiled.subList(next, compiled.size());
            TrialLauncher.Batch ran = launcher.runLearners(pitfall.id(),
                    batch.stream().map(i -> reports.get(i).compilation().classes()).toList(), budget);
            for (Verdict verdict : ran.verdicts()) {
                int fix = compiled.get(next++);
                reports.set(fix, new Report(result(verdict), reports.get(fix).compilation(), List.of(verdict)));
            }
            if ((ran.cutShort() || ran.verdicts().isEmpty()) && next < compiled.size()) {
                int fix = compiled.get(next++);
                reports.set(fix, run(pitfall, sources.get(fix), builds.resolve(String.valueOf(fix + 1))));
            }
        }
        return reports;
    }

    public Report run(Pitfall<?> pitfall, Path source, Path buildDir) throws IOException {
        LearnerCompiler.Compilation compilation = LearnerCompiler.compile(pitfall, source, buildDir);
        if (!compilation.compiled()) {
            return new Report(Result.DOES_NOT_COMPILE, compilation, List.of());
        }
        List<Verdict> verdicts = new ArrayList<>();
        for (int trial = 0; trial < trials; trial++) {
            WorkspaceGuard guard = workspace == null ? null : WorkspaceGuard.of(workspace);
            Verdict verdict = launcher.run(pitfall.id(), Variant.MINE, compilation.classes(), budget);
            verdicts.add(verdict);
            List<String> restored = guard == null ? List.of() : guard.restore();
            if (!restored.isEmpty()) {
                // Whatever else it did, code that changes the learner's files is no fix.
                return new Report(Result.DOES_NOT_WORK, compilation, verdicts, restored);
            }
            if (verdict.outcome() != Outcome.CLEAN) {
                return new Report(result(verdict), compilation, verdicts);
            }
        }
        return new Report(Result.FIXED, compilation, verdicts);
    }

    private static Result result(Verdict verdict) {
        return switch (verdict.outcome()) {
            case CLEAN -> Result.FIXED;
            case REPRODUCED -> Result.STILL_BROKEN;
            case NOT_WORKING -> Result.DOES_NOT_WORK;
            case NOT_OBSERVABLE -> Result.NOT_OBSERVABLE;
            default -> Result.INCONCLUSIVE;
        };
    }
}
