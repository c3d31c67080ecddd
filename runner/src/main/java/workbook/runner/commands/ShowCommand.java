package workbook.runner.commands;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.lessons.Lesson;
import workbook.runner.ExitCodes;
import workbook.runner.Workbook;
import workbook.runner.catalog.LessonSections;
import workbook.runner.learner.ProgressStore;
import workbook.runner.terminal.MarkdownText;

/** {@code workbook show <id>}: the lesson, rendered for a terminal. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a pitfall's lesson.")
public final class ShowCommand extends PitfallCommand implements Callable<Integer> {

    @Option(names = "--width", paramLabel = "<columns>", description = "Wrap at this width (default: $COLUMNS or 80).")
    Integer width;

    @Override
    public Integer call() throws Exception {
        Workbook wb = workbook();
        Lesson lesson = entry().requireLesson();
        PrintWriter out = out();
        int columns = width == null ? MarkdownText.terminalWidth() : width;
        out.print(MarkdownText.render(LessonSections.body(lesson), columns, wb.style()));
        out.println();
        out.print(MarkdownText.render("Next: `workbook lesson " + id + "` (guided), or `workbook run " + id + "`.",
                columns, wb.style()));
        out.flush();
        wb.progress().update(id, ProgressStore::seen);
        return ExitCodes.AS_EXPECTED;
    }

}
