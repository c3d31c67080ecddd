package workbook.runner.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.harness.Pitfall;
import workbook.runner.ExitCodes;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.PitfallIds;
import workbook.runner.suite.SideBySide;
import workbook.runner.suite.Verification;
import workbook.runner.suite.VerificationReport;
import workbook.runner.terminal.Progress;

/** {@code workbook verify}: every pitfall's broken and fixed example, N trials each, as a regression suite. */
@Command(name = "verify", mixinStandardHelpOptions = true, description = {
        "Run the catalog as a regression suite: every broken example must reproduce its failure, "
                + "every fix must be clean, in every trial (each in a fresh JVM, but see --reuse-jvm).",
        "Exit code 0 only when every pitfall behaved as expected in every trial."})
public final class VerifyCommand extends WorkbookCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<id>", arity = "0..*", completionCandidates = PitfallIds.class, description = "Only these pitfalls (default: all).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--trials", paramLabel = "<n>", defaultValue = "1", description = "Trials per example (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--budget", paramLabel = "<seconds>", defaultValue = "5", description = "How long each scenario may look for evidence (default: ${DEFAULT-VALUE} s).")
    int budgetSeconds;

    @Option(names = "--reuse-jvm", description = {
            "For a benchmark: run the trials of pitfalls that leave nothing behind " + Verification.BATCH_SIZE
                    + " to a JVM (checked after every trial), so that 1,000 trials take minutes.",
            "Pitfalls whose broken example leaks, parks or deadlocks threads still get a fresh JVM per trial."})
    boolean reuseJvm;

    @Option(names = "--jobs", paramLabel = "<n>", defaultValue = "" + SideBySide.AT_ONCE, description = {
            "Pitfalls verified side by side, each in its own trial JVMs (default: ${DEFAULT-VALUE}); one that needs"
                    + " the machine's cores to itself still runs alone.",
            "Use --jobs 1 to measure times. One pitfall's trials always run one after another."})
    int jobs;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--junit-xml", paramLabel = "<file>", description = "Also write the results as JUnit XML.")
    Path junitXml;

    @Override
    public Integer call() throws IOException {
        if (jobs < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        if (trials < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--trials must be at least 1");
        }
        Catalog catalog = workbook().catalog();
        List<Catalog.Entry> entries = ids.isEmpty() ? catalog.entries() : ids.stream().map(catalog::require).toList();
        Verification verification = new Verification(workbook().launcher(), Duration.ofSeconds(budgetSeconds),
                reuseJvm);
        Progress progress = Progress.on(err());
        long start = System.nanoTime();
        List<Verification.PitfallResult> results = verifyAll(verification, entries, progress);
        progress.done();
        long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        PrintWriter out = out();
        out.print(json ? VerificationReport.json(results, millis) : VerificationReport.text(results, millis));
        out.flush();
        if (junitXml != null) {
            VerificationReport.writeJunitXml(results, junitXml);
        }
        return results.stream().allMatch(Verification.PitfallResult::passed)
                ? ExitCodes.AS_EXPECTED
                : ExitCodes.UNEXPECTED;
    }

    /** Every pitfall's result, in the order asked, the pitfalls verified {@link #jobs} at a time. */
    private List<Verification.PitfallResult> verifyAll(Verification verification, List<Catalog.Entry> entries,
            Progress progress) {
        if (jobs == 1 || entries.size() == 1) {
            return entries.stream().map(entry -> verification.verify(entry.pitfall(), trials, progress::show))
                    .toList();
        }
        try (SideBySide runners = new SideBySide(jobs)) {
            Map<String, Future<Verification.PitfallResult>> running = new HashMap<>();
            for (Pitfall<?> pitfall : SideBySide.inTurnOrder(entries.stream().map(Catalog.Entry::pitfall).toList())) {
                running.put(pitfall.id(),
                        runners.submit(pitfall, () -> verification.verify(pitfall, trials, progress::show)));
            }
            List<Verification.PitfallResult> results = new ArrayList<>();
            for (Catalog.Entry entry : entries) {
                results.add(join(running.get(entry.id())));
            }
            return results;
        }
    }

    private static Verification.PitfallResult join(Future<Verification.PitfallResult> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the pitfalls were verified", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }
}
