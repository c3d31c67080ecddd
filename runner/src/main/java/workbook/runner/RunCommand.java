package workbook.runner;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import workbook.harness.Outcome;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.harness.VerdictJson;
import workbook.harness.VerdictText;

/** {@code workbook run <id>}: runs the broken (or fixed) example in a trial JVM and shows the evidence. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a pitfall's broken example (or the fixed one) and show the evidence.")
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<id>", description = "The pitfall, e.g. lost-update ('workbook list' shows them all).")
    String id;

    @Option(names = "--fixed", description = "Run the fixed example instead of the broken one.")
    boolean fixed;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Option(names = "--budget", paramLabel = "<seconds>", defaultValue = "5", description = "How long the scenario may look for evidence (default: ${DEFAULT-VALUE} s).")
    int budgetSeconds;

    @Option(names = "--verbose", description = "Show stack traces of the workbook's own errors.")
    boolean verbose;

    @Override
    public Integer call() {
        Catalog.Entry entry = Catalog.load().require(id);
        Variant variant = fixed ? Variant.FIXED : Variant.BROKEN;
        Verdict verdict = new TrialLauncher().run(entry.id(), variant, Duration.ofSeconds(budgetSeconds));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? VerdictJson.write(verdict) + "\n" : VerdictText.render(verdict));
        out.flush();
        return exitCode(verdict);
    }

    static int exitCode(Verdict verdict) {
        if (verdict.outcome() == Outcome.INCONCLUSIVE) {
            return ExitCodes.INCONCLUSIVE;
        }
        return verdict.asExpected() ? ExitCodes.AS_EXPECTED : ExitCodes.UNEXPECTED;
    }
}
