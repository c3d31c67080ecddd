package workbook.runner.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.harness.Pitfall;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.learner.Check;
import workbook.runner.learner.CheckReports;
import workbook.runner.terminal.Spinner;

/** {@code workbook check <id>}: compiles the learner's fix and runs the scenario against it. */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Check your fix: compile your copy (or FILE, a full replacement of the broken example's "
                + "source) and run the scenario against it " + Check.TRIALS + " times.",
        "FIXED: no failure and the work got done. STILL BROKEN: the failure showed, with its evidence. "
                + "DOES NOT WORK: it compiles, but throws, stalls or loses the work."})
public final class CheckCommand extends PitfallCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "<file>", description = "Check this file instead of your workspace copy.")
    Path source;

    @Option(names = "--budget", paramLabel = "<seconds>", defaultValue = "5", description = "How long each trial may look for the failure (default: ${DEFAULT-VALUE} s).")
    int budgetSeconds;

    @Override
    public Integer call() throws Exception {
        Workbook wb = workbook();
        Pitfall<?> pitfall = entry().pitfall();
        Path file = source != null ? source : wb.workspace().ensureCopy(pitfall);
        if (!Files.isRegularFile(file)) {
            throw new Main.UsageProblem("There is no file " + file + " to check.");
        }
        Check.Report report;
        try (Spinner spinner = Spinner.start(err(), "checking " + file.getFileName() + ": compile, then "
                + Check.TRIALS + " trials", wb.interactive())) {
            report = new Check(wb.launcher(), Workbook.budget(budgetSeconds), wb.workspace()).run(pitfall, file,
                    wb.workspace().buildDir(pitfall));
        }
        CheckReports.print(report, file, out(), wb.style());
        if (report.result() != Check.Result.DOES_NOT_COMPILE) {
            wb.progress().update(id, p -> p.checked(report.result() == Check.Result.FIXED));
        }
        return report.result().exitCode;
    }

}
