package workbook.runner;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.harness.Pitfall;
import workbook.harness.VerdictText;

/** {@code workbook check <id>}: compiles the learner's fix and runs the scenario against it. */
@Command(name = "check", mixinStandardHelpOptions = true, description = {
        "Check your fix: compile your copy (or FILE, a full replacement of the broken example's "
                + "source) and run the scenario against it " + Check.TRIALS + " times.",
        "FIXED: no failure and the work got done. STILL BROKEN: the failure showed, with its evidence. "
                + "DOES NOT WORK: it compiles, but throws, stalls or loses the work."})
final class CheckCommand extends PitfallCommand implements Callable<Integer> {

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
        print(report, file, out(), wb.style());
        if (report.result() != Check.Result.DOES_NOT_COMPILE) {
            wb.progress().update(id, p -> p.checked(report.result() == Check.Result.FIXED));
        }
        return report.result().exitCode;
    }

    static void print(Check.Report report, Path file, PrintWriter out, Style style) {
        String label = report.result().label;
        switch (report.result()) {
            case DOES_NOT_COMPILE -> {
                out.println(style.bold(style.red(label)) + ": " + file);
                report.compilation().errors().forEach(out::println);
            }
            case FIXED -> {
                out.println(style.bold(style.green(label)) + ": " + report.verdicts().size() + " trials, no failure, "
                        + "and the work got done.");
                out.print(VerdictText.prose(report.deciding().summary(), MarkdownText.terminalWidth()));
            }
            default -> {
                out.println(style.bold(style.red(label)) + " (trial " + report.verdicts().size() + " of up to "
                        + Check.TRIALS + "):");
                out.print(Render.verdict(report.deciding(), style));
            }
        }
        if (!report.restored().isEmpty()) {
            out.println();
            out.println(style.bold(style.red("The trial changed your workspace")) + ", so the check put it back and"
                    + " does not count this as a fix:");
            report.restored().forEach(restored -> out.println("  " + restored));
        }
        List<String> warnings = report.compilation().warnings();
        if (!warnings.isEmpty()) {
            out.println();
            out.println(style.bold("javac warned" + (report.result() == Check.Result.FIXED ? " all the same" : "")
                    + ":"));
            warnings.forEach(out::println);
        }
        out.flush();
    }
}
