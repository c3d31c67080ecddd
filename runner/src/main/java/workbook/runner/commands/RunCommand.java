package workbook.runner.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.harness.Outcome;
import workbook.harness.Pitfalls;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.harness.VerdictJson;
import workbook.runner.ExitCodes;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.LearnerCompiler;
import workbook.runner.learner.ProgressStore;
import workbook.runner.terminal.Render;
import workbook.runner.terminal.Spinner;

/** {@code workbook run <id>}: runs the broken, fixed or learner's example in a trial JVM and shows the evidence. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run a pitfall's broken example (or the fixed one, or your copy) and show the evidence.")
public final class RunCommand extends PitfallCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true)
    Which which = new Which();

    static final class Which {
        @Option(names = "--fixed", description = "Run the fixed example.")
        boolean fixed;

        @Option(names = "--mine", description = "Run your copy from the workspace (compiled first).")
        boolean mine;
    }

    @Option(names = "--hold", description = "Keep the trial JVM alive afterwards, with its threads, and print the "
            + "jstack / jcmd commands to look at it; Enter ends it.")
    boolean hold;

    @Option(names = "--json", description = "Print the verdict as JSON.")
    boolean json;

    @Option(names = "--budget", paramLabel = "<seconds>", defaultValue = ""
            + EarlyTrial.DEFAULT_BUDGET_SECONDS, description = "How long the scenario may look for evidence (default: ${DEFAULT-VALUE} s).")
    int budgetSeconds;

    @Override
    public Integer call() throws IOException {
        Workbook wb = workbook();
        Variant variant = which.fixed ? Variant.FIXED : which.mine ? Variant.MINE : Variant.BROKEN;
        // Most of a run's time is two JVMs starting: the trial's starts while this one reads the catalog (or earlier
        // still, when main saw a plain "run <id>": EarlyTrial#headStart).
        EarlyTrial early = variant != Variant.MINE && !hold && Pitfalls.byId(id).isPresent()
                ? EarlyTrial.claim(id, variant, budgetSeconds,
                        () -> wb.launcher().run(id, variant, Workbook.budget(budgetSeconds)))
                : null;
        Catalog.Entry entry;
        try {
            entry = entry();
        } catch (RuntimeException e) {
            if (early != null) {
                early.stop(); // an unknown id: the usage error is told, the trial killed
            }
            throw e;
        }
        PrintWriter out = out();
        java.nio.file.Path classes = null;
        if (variant == Variant.MINE) {
            LearnerCompiler.Compilation compilation = LearnerCompiler.compile(entry.pitfall(),
                    wb.workspace().ensureCopy(entry.pitfall()), wb.workspace().buildDir(entry.pitfall()));
            if (!compilation.compiled()) {
                compilation.errors().forEach(err()::println);
                return ExitCodes.DOES_NOT_COMPILE;
            }
            compilation.warnings().forEach(err()::println);
            classes = compilation.classes();
        }
        try (TrialLauncher.Held trial = launch(wb, entry, variant, classes, early)) {
            Verdict verdict = trial.verdict();
            out.print(json ? VerdictJson.write(verdict) + "\n" : Render.verdict(verdict, wb.style()));
            out.flush();
            if (variant == Variant.BROKEN) {
                wb.progress().update(entry.id(), ProgressStore::seen);
            }
            if (hold) {
                holdForInspection(trial, out, wb);
            }
            return exitCode(verdict);
        }
    }

    private TrialLauncher.Held launch(Workbook wb, Catalog.Entry entry, Variant variant, java.nio.file.Path classes,
            EarlyTrial early) {
        try (Spinner spinner = Spinner.start(err(), "running " + entry.id() + " (" + variant.label()
                + ") in a trial JVM", wb.interactive() && !json)) {
            if (early != null) {
                return TrialLauncher.Held.finished(early.verdict());
            }
            return hold
                    ? wb.launcher().hold(entry.id(), variant, classes, Workbook.budget(budgetSeconds))
                    : TrialLauncher.Held.finished(
                            wb.launcher().run(entry.id(), variant, classes, Workbook.budget(budgetSeconds)));
        }
    }

    private static void holdForInspection(TrialLauncher.Held trial, PrintWriter out, Workbook wb) throws IOException {
        if (trial.pid().isEmpty()) {
            out.println("\nThe trial JVM has already ended: nothing to hold.");
            return;
        }
        long pid = trial.pid().getAsLong();
        out.printf("%nThe trial JVM is held: pid %d. Look at it as you would in production:%n", pid);
        out.printf("  jstack %d%n  jcmd %d Thread.print%n  jcmd %d JFR.start duration=30s filename=trial.jfr%n", pid,
                pid, pid);
        out.println("Press Enter to end it.");
        out.flush();
        wb.in().readLine();
    }

    static int exitCode(Verdict verdict) {
        if (verdict.outcome() == Outcome.INCONCLUSIVE
                || verdict.outcome() == Outcome.NOT_OBSERVABLE && verdict.variant() == Variant.MINE) {
            return ExitCodes.INCONCLUSIVE;
        }
        if (verdict.variant() == Variant.MINE) {
            return verdict.outcome() == Outcome.CLEAN
                    ? ExitCodes.AS_EXPECTED
                    : verdict.outcome() == Outcome.REPRODUCED ? ExitCodes.STILL_BROKEN : ExitCodes.DOES_NOT_WORK;
        }
        return verdict.asExpected() ? ExitCodes.AS_EXPECTED : ExitCodes.UNEXPECTED;
    }
}
