package workbook.runner.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.terminal.MarkdownText;
import workbook.runner.terminal.Style;

/** {@code workbook hint <id>}: the next hint, each more revealing than the last. */
@Command(name = "hint", mixinStandardHelpOptions = true, description = "Show the next hint for a pitfall (or a given level); the last is nearly the answer.")
public final class HintCommand extends PitfallCommand implements Callable<Integer> {

    @Option(names = "--level", paramLabel = "<n>", description = "Show hints 1 to n.")
    Integer level;

    @Override
    public Integer call() throws Exception {
        Workbook wb = workbook();
        List<String> hints = entry().requireLesson().hints();
        int shown = wb.progress().load().of(id).hintsShown();
        int upTo = level != null ? level : Math.min(shown + 1, hints.size());
        if (upTo < 1 || upTo > hints.size()) {
            throw new Main.UsageProblem(id + " has hints 1 to " + hints.size() + "; there is no level " + upTo + ".");
        }
        PrintWriter out = out();
        print(hints, upTo, out, wb.style());
        if (upTo == hints.size() && level == null && shown >= hints.size()) {
            out.println(wb.style().dim("That was the last hint; 'workbook solution " + id + "' shows the fix."));
        }
        wb.progress().update(id, p -> p.hinted(upTo));
        out.flush();
        return ExitCodes.AS_EXPECTED;
    }

    static void print(List<String> hints, int upTo, PrintWriter out, Style style) {
        for (int level = 1; level <= upTo; level++) {
            printOne(hints, level, out, style);
        }
    }

    static void printOne(List<String> hints, int level, PrintWriter out, Style style) {
        out.print(MarkdownText.render(style.bold("Hint " + level + " of " + hints.size() + ": ")
                + hints.get(level - 1), MarkdownText.terminalWidth(), style));
    }
}
