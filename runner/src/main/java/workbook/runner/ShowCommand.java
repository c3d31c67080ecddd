package workbook.runner;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.lessons.Lesson;

/** {@code workbook show <id>}: the lesson, rendered for a terminal. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Show a pitfall's lesson.")
final class ShowCommand extends PitfallCommand implements Callable<Integer> {

    @Option(names = "--width", paramLabel = "<columns>", description = "Wrap at this width (default: $COLUMNS or 80).")
    Integer width;

    @Override
    public Integer call() throws Exception {
        Workbook wb = workbook();
        Lesson lesson = lessonOf(entry());
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

    static Lesson lessonOf(Catalog.Entry entry) {
        if (entry.lesson() == null) {
            throw new IllegalStateException("the lesson of " + entry.id() + " is missing or cannot be read");
        }
        return entry.lesson();
    }
}
