package workbook.runner.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.harness.Variant;
import workbook.runner.ExitCodes;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.LearnerCompiler;
import workbook.runner.stress.StressMode;
import workbook.runner.stress.StressResult;
import workbook.runner.stress.StressRun;
import workbook.runner.stress.StressTable;
import workbook.runner.stress.StressTests;
import workbook.runner.terminal.Spinner;

/** {@code workbook stress <id>}: runs the jcstress test beside a pitfall and shows its outcome table. */
@Command(name = "stress", mixinStandardHelpOptions = true, description = {
        "Run the jcstress test beside a race or visibility pitfall, on the broken or the fixed example, and show "
                + "its outcome table: every outcome, how often it came out, and its grade.",
        "The broken example's failure is graded interesting, the fixed example's forbidden."})
public final class StressCommand extends PitfallCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--fixed", description = "Stress the fixed example.")
        boolean fixed;

        @Option(names = "--mine", description = "Stress your copy from the workspace (compiled first), graded as the "
                + "fixed example is: no forbidden outcome.")
        boolean mine;
    }

    @Option(names = "--source", paramLabel = "<file>", description = "With --mine: stress this file instead of your "
            + "workspace copy.")
    Path source;

    @Option(names = "--mode", paramLabel = "<mode>", defaultValue = "short", converter = ModeConverter.class, description = "short (default: one JVM configuration, seconds), sanity (jcstress's check that the test "
            + "runs: too short to see a race), quick or default (jcstress's presets: every JVM "
            + "configuration, tens of seconds to minutes).")
    StressMode mode;

    @Option(names = "--json", description = "Print the outcome table as JSON.")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Workbook wb = workbook();
        Catalog.Entry entry = entry();
        Variant variant = which.fixed ? Variant.FIXED : which.mine ? Variant.MINE : Variant.BROKEN;
        if (source != null && variant != Variant.MINE) {
            err().println("--source names your copy: use it with --mine.");
            return ExitCodes.USAGE;
        }
        Optional<String> test = StressTests.of(entry.pitfall(), variant);
        if (test.isEmpty()) {
            String why = entry.lesson() == null ? null : entry.lesson().noJcstress();
            err().println(entry.id() + " has no jcstress test beside it"
                    + (why == null ? "." : ": " + why));
            err().println("These have one: " + String.join(", ", wb.catalog().entries().stream()
                    .filter(e -> StressTests.exist(e.pitfall())).map(Catalog.Entry::id).toList()) + ".");
            return ExitCodes.USAGE;
        }
        Path classes = null;
        if (variant == Variant.MINE) {
            LearnerCompiler.Compilation compilation = LearnerCompiler.compile(entry.pitfall(),
                    source != null ? source : wb.workspace().ensureCopy(entry.pitfall()),
                    wb.workspace().buildDir(entry.pitfall()));
            if (!compilation.compiled()) {
                compilation.errors().forEach(err()::println);
                return ExitCodes.DOES_NOT_COMPILE;
            }
            classes = compilation.classes();
        }
        Path dir = wb.workspace().root().resolve("stress").resolve(entry.id() + "-" + variant.label());
        StressResult result;
        try (Spinner spinner = Spinner.start(err(), "jcstress is starting", wb.interactive() && !json)) {
            result = StressRun.run(entry.id(), variant, classes, test.get(), mode, dir, spinner::update);
        } catch (InterruptedException e) {
            // Ctrl-C in the REPL: the run is over, and so are jcstress and every JVM it started.
            err().println("Stopped: jcstress and the JVMs it started have been ended.");
            return ExitCodes.INCONCLUSIVE;
        }
        PrintWriter out = out();
        out.print(json ? StressTable.json(result) : StressTable.render(result, wb.style()));
        out.flush();
        return exitCode(result);
    }

    public static int exitCode(StressResult result) {
        return switch (result.conclusion()) {
            case FAILURE_SHOWN, HELD -> ExitCodes.AS_EXPECTED;
            case FAILURE_NOT_SEEN -> ExitCodes.INCONCLUSIVE;
            case BROKE -> result.variant() == Variant.MINE ? ExitCodes.STILL_BROKEN : ExitCodes.UNEXPECTED;
            case RUN_FAILED -> ExitCodes.INTERNAL;
        };
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<StressMode> {
        @Override
        public StressMode convert(String value) {
            for (StressMode mode : StressMode.values()) {
                if (mode.label().equals(value)) {
                    return mode;
                }
            }
            throw new picocli.CommandLine.TypeConversionException("'" + value
                    + "' is not a mode: short, sanity, quick or default");
        }
    }
}
