package workbook.runner.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import workbook.harness.Pitfall;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.runner.stress.StressMode;
import workbook.runner.stress.StressResult;
import workbook.runner.stress.StressRun;
import workbook.runner.stress.StressTests;
import workbook.runner.suite.Stats;
import workbook.runner.suite.Verification;
import workbook.runner.suite.Machine;

/**
 * One benchmark run: for each pitfall, many trials of each variant (in batches in one JVM where its trials leave
 * nothing behind, each in a JVM of its own where they may), {@code run <id>} timed from a shell, and jcstress's
 * quickest mode that shows the failure, timed beside it; then the whole catalog's {@code verify} and the REPL, timed
 * from a shell. One thing at a time: the numbers are the machine's, not a race between the measurements.
 */
public final class Bench {

    /** How much to measure. */
    public record Settings(int trialsShared, int trialsAlone, int runs, List<StressMode> stressModes,
            boolean catalogTimings) {
    }

    /** jcstress beside the workbook: the quickest mode tried that showed the failure, or the last one tried. */
    public record StressComparison(String test, String mode, long millis, String conclusion, List<String> tried) {
        public boolean shown() {
            return StressResult.Conclusion.FAILURE_SHOWN.name().equals(conclusion);
        }
    }

    /** All that was measured of one pitfall. */
    public record PitfallBench(Verification.PitfallResult reliability, ShellTimings.Runs run,
            StressComparison stress) {

        /** How many times longer jcstress took to show the failure than {@code run} took end to end; 0 if unknown. */
        public double ratio() {
            return stress == null || !stress.shown() || run == null || run.millis().median() == 0
                    ? 0
                    : (double) stress.millis() / run.millis().median();
        }
    }

    /** The whole catalog's {@code verify --trials 1}, and the REPL, timed from a shell. */
    public record CatalogBench(ShellTimings.Timed verify, ShellTimings.Repl repl) {
    }

    /** Everything one benchmark run measured, and where. */
    public record Result(Instant started, long millis, Machine machine, Settings settings, String shellNote,
            List<PitfallBench> pitfalls, CatalogBench catalog) {
    }

    private static final Duration BUDGET = Duration.ofSeconds(5);

    private final TrialLauncher launcher;
    private final Settings settings;
    private final Optional<Path> shellLauncher;
    private final Path work;

    /**
     * @param shellLauncher the launcher script to time commands with; empty to time none (the report says so)
     * @param work a folder of the benchmark's own: its workspace for timed commands, and jcstress's results
     */
    public Bench(TrialLauncher launcher, Settings settings, Optional<Path> shellLauncher, Path work) {
        this.launcher = launcher;
        this.settings = settings;
        this.shellLauncher = shellLauncher;
        this.work = work;
    }

    /** The launcher that started this JVM, for commands timed from a shell. */
    public static Optional<Path> launcherOfThisJvm() {
        return ShellTimings.launcher();
    }

    public Result run(List<Pitfall<?>> pitfalls, Consumer<String> progress, Consumer<String> done)
            throws IOException, InterruptedException {
        Instant started = Instant.now();
        long start = System.nanoTime();
        Machine machine = Machine.now();
        Path home = Files.createDirectories(work.resolve("workspace"));
        ShellTimings shell = shellLauncher.map(path -> new ShellTimings(path, home)).orElse(null);
        String shellNote = shell == null
                ? "not measured: the workbook was not started by its launcher script (./workbook)"
                : null;
        if (shell != null) {
            ShellTimings.Timed warm = shell.warmUp();
            if (!warm.ok()) {
                shellNote = "not measured: " + warm.problem();
                shell = null;
            }
        }
        Verification verification = new Verification(launcher, BUDGET, true);
        List<PitfallBench> results = new ArrayList<>();
        for (Pitfall<?> pitfall : pitfalls) {
            int trials = pitfall.trialsShareJvm() ? settings.trialsShared() : settings.trialsAlone();
            Verification.PitfallResult reliability = verification.verify(pitfall, trials, progress);
            ShellTimings.Runs run = null;
            if (shell != null && settings.runs() > 0) {
                progress.accept(pitfall.id() + ": run, " + settings.runs() + " times from a shell");
                run = shell.run(pitfall.id(), settings.runs());
            }
            StressComparison stress = stress(pitfall, progress);
            PitfallBench bench = new PitfallBench(reliability, run, stress);
            results.add(bench);
            done.accept(BenchReport.line(bench));
        }
        CatalogBench catalog = null;
        if (shell != null && settings.catalogTimings()) {
            progress.accept("the whole catalog: verify --trials 1, from a shell");
            ShellTimings.Timed verify = shell.verifyCatalog();
            progress.accept("the REPL: its prompt, and a first /run");
            catalog = new CatalogBench(verify, shell.repl());
        }
        return new Result(started, Duration.ofNanos(System.nanoTime() - start).toMillis(), machine.ended(),
                settings, shellNote, List.copyOf(results), catalog);
    }

    /** jcstress's modes in turn, quickest first, until one shows the broken example's failure. */
    private StressComparison stress(Pitfall<?> pitfall, Consumer<String> progress)
            throws IOException, InterruptedException {
        Optional<String> test = StressTests.of(pitfall, Variant.BROKEN);
        if (test.isEmpty() || settings.stressModes().isEmpty()) {
            return null;
        }
        List<String> tried = new ArrayList<>();
        StressComparison last = null;
        for (StressMode mode : settings.stressModes()) {
            progress.accept(pitfall.id() + ": jcstress, " + mode.label() + " mode");
            long start = System.nanoTime();
            StressResult result = StressRun.run(pitfall.id(), Variant.BROKEN, null, test.get(), mode,
                    work.resolve("stress").resolve(pitfall.id() + "-" + mode.label()),
                    progress);
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            tried.add(mode.label());
            last = new StressComparison(test.get(), mode.label(), millis,
                    result.conclusion().name(), List.copyOf(tried));
            if (last.shown()) {
                break;
            }
        }
        return last;
    }
}
