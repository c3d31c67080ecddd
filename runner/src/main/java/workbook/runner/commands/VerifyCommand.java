package workbook.runner.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.runner.ExitCodes;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.PitfallIds;
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

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--junit-xml", paramLabel = "<file>", description = "Also write the results as JUnit XML.")
    Path junitXml;

    @Override
    public Integer call() throws IOException {
        if (trials < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--trials must be at least 1");
        }
        Catalog catalog = workbook().catalog();
        List<Catalog.Entry> entries = ids.isEmpty() ? catalog.entries() : ids.stream().map(catalog::require).toList();
        Verification verification = new Verification(workbook().launcher(), Duration.ofSeconds(budgetSeconds),
                reuseJvm);
        Progress progress = Progress.on(err());
        List<Verification.PitfallResult> results = new ArrayList<>();
        long start = System.nanoTime();
        for (Catalog.Entry entry : entries) {
            results.add(verification.verify(entry.pitfall(), trials, progress::show));
        }
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

}
