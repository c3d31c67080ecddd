package workbook.runner.commands;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import workbook.harness.Pitfall;
import workbook.harness.Processes;
import workbook.runner.ExitCodes;
import workbook.runner.bench.Bench;
import workbook.runner.bench.BenchReport;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.PitfallIds;
import workbook.runner.stress.StressMode;
import workbook.runner.terminal.Progress;

/** {@code workbook bench}: the benchmark behind the README's figures, written as Markdown and JSON. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = {
        "Measure the catalog: each pitfall's broken example reproduced and fix clean over many trials, its time to "
                + "evidence, 'run <id>' timed from a shell, jcstress beside it where it has a test; then the whole "
                + "catalog's verify and the REPL, timed. One thing at a time: leave the machine alone while it runs "
                + "(the whole catalog at the defaults takes hours).",
        "Writes bench-<time>.md and bench-<time>.json. Exit code 0 only when every trial behaved as expected."})
public final class BenchCommand extends WorkbookCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<id>", arity = "0..*", completionCandidates = PitfallIds.class, description = "Only these pitfalls (default: all).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--trials-shared", paramLabel = "<n>", defaultValue = "1000", description = "Trials per variant of a pitfall whose trials share a JVM (default: ${DEFAULT-VALUE}).")
    int trialsShared;

    @Option(names = "--trials-alone", paramLabel = "<n>", defaultValue = "200", description = "Trials per variant of a pitfall whose trials each need a JVM (default: ${DEFAULT-VALUE}).")
    int trialsAlone;

    @Option(names = "--runs", paramLabel = "<n>", defaultValue = "5", description = "Times 'run <id>' is timed from a shell (default: ${DEFAULT-VALUE}; 0: none).")
    int runs;

    @Option(names = "--jcstress", paramLabel = "<modes>", split = ",", defaultValue = "short,quick", converter = BenchCommand.ModeOrNone.class, description = "jcstress's modes to try, quickest first, until one shows the failure (default: ${DEFAULT-VALUE}; 'none' for none).")
    List<StressMode> stressModes;

    @Option(names = "--no-catalog", description = "Do not time the whole catalog's verify and the REPL.")
    boolean noCatalog;

    @Option(names = "--out", paramLabel = "<dir>", description = "Where the reports go (default: bench/ in the workspace).")
    Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (trialsShared < 1 || trialsAlone < 1 || runs < 0) {
            throw new ParameterException(spec.commandLine(), "--trials-shared and --trials-alone must be at least 1,"
                    + " --runs at least 0");
        }
        Catalog catalog = workbook().catalog();
        List<Pitfall<?>> pitfalls = (ids.isEmpty() ? catalog.entries() : ids.stream().map(catalog::require).toList())
                .stream().<Pitfall<?>>map(Catalog.Entry::pitfall).toList();
        Path dir = out != null ? out : workbook().workspace().root().resolve("bench");
        Files.createDirectories(dir);
        Path work = Files.createTempDirectory(dir, ".work-");
        Bench.Settings settings = new Bench.Settings(trialsShared, trialsAlone, runs,
                stressModes.stream().filter(mode -> mode != null).toList(), !noCatalog);
        Progress progress = Progress.on(err());
        Bench.Result result;
        try {
            result = new Bench(workbook().launcher(), settings, Bench.launcherOfThisJvm(), work).run(pitfalls,
                    progress::show, line -> {
                        progress.done();
                        err().println(line);
                        err().flush();
                    });
        } finally {
            progress.done();
            Processes.deleteQuietly(work);
        }
        String name = "bench-" + DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(result.started());
        Path markdown = dir.resolve(name + ".md");
        Files.writeString(markdown, BenchReport.markdown(result), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(name + ".json"), BenchReport.json(result), StandardCharsets.UTF_8);
        out().print(BenchReport.markdown(result));
        out().println();
        out().println("Written: " + markdown + " (and .json beside it)");
        out().flush();
        return result.pitfalls().stream().allMatch(p -> p.reliability().passed())
                ? ExitCodes.AS_EXPECTED
                : ExitCodes.UNEXPECTED;
    }

    /** A jcstress mode, or "none" (null) for none. */
    static final class ModeOrNone implements picocli.CommandLine.ITypeConverter<StressMode> {
        @Override
        public StressMode convert(String value) {
            return "none".equals(value) ? null : new StressCommand.ModeConverter().convert(value);
        }
    }
}
