package workbook.runner.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import workbook.runner.ExitCodes;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.PitfallIds;
import workbook.runner.platform.CatalogEngine;
import workbook.runner.platform.CatalogLauncher;
import workbook.runner.platform.CatalogSettings;
import workbook.runner.suite.Jdk;
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

    @Option(names = "--wrong-fixes", description = {
            "Also check every pitfall's wrong-fix fixtures, one trial each, a test each: plausible wrong fixes must"
                    + " not be FIXED, right fixes written another way must be (minutes for the catalog)."})
    boolean wrongFixes;

    @Option(names = "--json", description = "Print the results as JSON.")
    boolean json;

    @Option(names = "--jdk", paramLabel = "<home|version>", description = {
            "Run the trials on this JDK: its folder, or a feature version found the way the launcher finds one"
                    + " (e.g. 21). Repeat for a matrix: a suite per JDK, then where their verdicts differ.",
            "Default: the JDK the workbook runs on."})
    List<String> jdks = new ArrayList<>();

    @Option(names = "--reports", paramLabel = "<dir>", description = {
            "Also write the reports CI servers read, by the JUnit Platform: JUnit XML (TEST-workbook-catalog.xml, or"
                    + " TEST-workbook-jdk<N>.xml per JDK of a matrix) and Open Test Reporting XML"
                    + " (junit-platform-events-*.xml)."})
    Path reports;

    @Override
    public Integer call() throws IOException {
        if (jobs < 1) {
            throw new ParameterException(spec.commandLine(), "--jobs must be at least 1");
        }
        if (trials < 1) {
            throw new ParameterException(spec.commandLine(), "--trials must be at least 1");
        }
        List<Jdk> matrix = matrix();
        Catalog catalog = workbook().catalog();
        List<String> chosen = (ids.isEmpty() ? catalog.entries() : ids.stream().map(catalog::require).toList())
                .stream().map(Catalog.Entry::id).toList();
        PrintWriter out = out();
        Map<Jdk, List<Verification.PitfallResult>> byJdk = new LinkedHashMap<>();
        for (Jdk jdk : matrix) {
            Progress progress = Progress.on(err());
            long start = System.nanoTime();
            List<Verification.PitfallResult> results = new CatalogLauncher(workbook().launcher(), progress::show)
                    .run(chosen, settings(jdk), Optional.ofNullable(reports), xmlName(jdk, matrix), err());
            progress.done();
            long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
            if (matrix.size() > 1 && !json) {
                out.printf("%nOn %s, %s:%n", jdk.label(), jdk.home());
            }
            if (!json) {
                out.print(VerificationReport.text(results, millis));
            } else if (matrix.size() == 1) {
                out.print(VerificationReport.json(results, millis, jdk));
            }
            byJdk.put(jdk, results);
            out.flush();
        }
        if (matrix.size() > 1) {
            out.print(json ? VerificationReport.json(byJdk) : VerificationReport.differences(byJdk));
        }
        out.flush();
        return byJdk.values().stream().flatMap(List::stream).allMatch(Verification.PitfallResult::passed)
                ? ExitCodes.AS_EXPECTED
                : ExitCodes.UNEXPECTED;
    }

    /** The JDKs named, each once, in the order named; the workbook's own when none is. */
    private List<Jdk> matrix() {
        if (jdks.isEmpty()) {
            return List.of(Jdk.current());
        }
        Map<Path, Jdk> found = new LinkedHashMap<>();
        for (String named : jdks) {
            try {
                Jdk jdk = Jdk.find(named);
                if (found.putIfAbsent(jdk.home(), jdk) != null) {
                    err().printf("verify: --jdk %s names %s again: its trials run once.%n", named, jdk.label());
                }
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--jdk " + named + ": " + e.getMessage());
            }
        }
        return List.copyOf(found.values());
    }

    private Map<String, String> settings(Jdk jdk) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(CatalogSettings.TRIALS, Integer.toString(trials));
        settings.put(CatalogSettings.BUDGET, Integer.toString(budgetSeconds));
        settings.put(CatalogSettings.REUSE_JVM, Boolean.toString(reuseJvm));
        settings.put(CatalogSettings.JOBS, Integer.toString(jobs));
        settings.put(CatalogSettings.JDK, jdk.home().toString());
        settings.put(CatalogSettings.WRONG_FIXES, Boolean.toString(wrongFixes));
        return settings;
    }

    /** The JUnit XML of a run: named after the JDK when several run, so that each keeps its own. */
    private static String xmlName(Jdk jdk, List<Jdk> matrix) {
        if (matrix.size() == 1) {
            return "TEST-" + CatalogEngine.ID + ".xml";
        }
        long sameFeature = matrix.stream().filter(other -> other.feature() == jdk.feature()).count();
        return "TEST-workbook-jdk" + jdk.feature() + (sameFeature > 1 ? "-" + (matrix.indexOf(jdk) + 1) : "")
                + ".xml";
    }
}
