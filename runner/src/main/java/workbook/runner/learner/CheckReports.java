package workbook.runner.learner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import workbook.harness.VerdictText;
import workbook.runner.terminal.MarkdownText;
import workbook.runner.terminal.Render;
import workbook.runner.terminal.Style;

/** A check's report as a learner reads it on a terminal: the verdict, the evidence that decided, javac's warnings. */
public final class CheckReports {

    private CheckReports() {
    }

    /** Prints the report of a check of {@code file}. */
    public static void print(Check.Report report, Path file, PrintWriter out, Style style) {
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
            out.println(style.bold(style.red("Your workspace changed while the trial ran")) + ", so the check put it"
                    + " back and does not count this as a fix (if you, or the workbook in another terminal, changed it"
                    + " meanwhile, check again):");
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
