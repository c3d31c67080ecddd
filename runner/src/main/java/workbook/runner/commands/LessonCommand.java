package workbook.runner.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.harness.Pitfall;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.lessons.Lesson;
import workbook.runner.ExitCodes;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.LessonSections;
import workbook.runner.catalog.PitfallIds;
import workbook.runner.learner.Check;
import workbook.runner.learner.CheckReports;
import workbook.runner.learner.Editor;
import workbook.runner.learner.Prediction;
import workbook.runner.terminal.MarkdownText;
import workbook.runner.terminal.Render;
import workbook.runner.terminal.SolutionDiff;
import workbook.runner.terminal.Style;

/**
 * {@code workbook lesson [<id>]}: the guided walk (without an id, the next pitfall not fixed in the learner's order:
 * the followed track's, or the catalog's). The incident; a prediction before running; the broken example run
 * and its evidence; why; then the learner fixes their copy, with hints on request, until the check says FIXED; and
 * the solution as a diff. Reads answers line by line, so it works at a terminal and from a script alike.
 */
@Command(name = "lesson", mixinStandardHelpOptions = true, description = "Walk through a pitfall (without an id: the next one not fixed, in your track's order): the incident, predict, run, observe, hints, fix, check, solution.")
public final class LessonCommand extends WorkbookCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<id>", arity = "0..1", completionCandidates = PitfallIds.class, description = "The pitfall, e.g. lost-update (default: the next one not fixed, in the order of the track you follow or the catalog's).")
    String id;

    @Option(names = "--budget", paramLabel = "<seconds>", defaultValue = "5", description = "How long each trial may look for evidence (default: ${DEFAULT-VALUE} s).")
    int budgetSeconds;

    private Workbook wb;
    private PrintWriter out;
    private int width;

    @Override
    public Integer call() throws Exception {
        wb = workbook();
        out = out();
        width = MarkdownText.terminalWidth();
        Catalog.Entry entry = id != null ? wb.catalog().require(id) : wb.nextNotFixed(null).orElse(null);
        if (entry == null) {
            out.println(wb.followedTrack().map(t -> "Every pitfall of the track " + t.name() + " is fixed: `workbook"
                    + " track list` for another.").orElse("Every pitfall is fixed."));
            out.flush();
            return ExitCodes.AS_EXPECTED;
        }
        id = entry.id();
        Lesson lesson = entry.requireLesson();
        Map<String, String> sections = LessonSections.of(lesson);
        Style style = wb.style();

        out.println(style.bold(lesson.title().toUpperCase(Locale.ROOT)));
        out.println(style.dim(id + " - chapter " + lesson.chapter() + " - " + lesson.kind()));
        section("The incident", sections);
        wb.progress().update(id, p -> p.seen());

        int choice = predict(lesson, sections);
        if (choice < 0) {
            return stopped();
        }
        out.println(style.dim("Running the broken example in a trial JVM..."));
        out.flush();
        Verdict verdict = wb.launcher().run(id, Variant.BROKEN, Workbook.budget(budgetSeconds));
        out.print(Render.verdict(verdict, style));
        out.println();
        out.println(Prediction.reveal(lesson, choice, style, width));
        wb.progress().update(id, p -> p.predicted(choice, Prediction.isRight(lesson, choice)));
        section("Observe", sections);
        if (ask("Press Enter for why it happens.") == null) {
            return stopped();
        }
        section("Why", sections);
        return fix(entry.pitfall(), lesson, sections);
    }

    private int predict(Lesson lesson, Map<String, String> sections) throws IOException {
        out.print(MarkdownText.render("## Predict\n\n" + Prediction.setup(sections.getOrDefault("Predict", "")), width,
                wb.style()));
        Prediction.ask(lesson, out, wb.style(), width);
        int count = lesson.predict().choices().size();
        while (true) {
            String answer = ask("Your prediction [1-" + count + "]: ");
            if (answer == null) {
                return -1;
            }
            OptionalInt choice = Prediction.parse(lesson, answer);
            if (choice.isPresent()) {
                return choice.getAsInt();
            }
            out.println("Pick a number from 1 to " + count + ".");
        }
    }

    private int fix(Pitfall<?> pitfall, Lesson lesson, Map<String, String> sections) throws Exception {
        Path copy = wb.workspace().ensureCopy(pitfall);
        Style style = wb.style();
        out.println();
        out.println(style.bold("Your turn: fix your copy of the broken example."));
        out.println("  " + copy);
        edit(copy);
        int hints = wb.progress().load().of(id).hintsShown();
        while (true) {
            // A line, not a key: the walk reads scripts and pipes as well as a terminal, so the prompt says Enter.
            String answer = ask("[c]heck  [h]int  [e]dit  [s]olution  [q]uit, then Enter (Enter alone checks): ");
            if (answer == null || answer.strip().toLowerCase(Locale.ROOT).startsWith("q")) {
                return stopped();
            }
            switch (answer.strip().toLowerCase(Locale.ROOT)) {
                case "c", "check", "" -> {
                    out.println(style.dim("Checking your copy: compile, then " + Check.TRIALS + " trials..."));
                    out.flush();
                    Check.Report report = new Check(wb.launcher(), Workbook.budget(budgetSeconds), wb.workspace()).run(
                            pitfall, copy,
                            wb.workspace().buildDir(pitfall));
                    CheckReports.print(report, copy, out, style);
                    if (report.result() != Check.Result.DOES_NOT_COMPILE) {
                        wb.progress().update(id, p -> p.checked(report.result() == Check.Result.FIXED));
                    }
                    if (report.result() == Check.Result.FIXED) {
                        return finish(pitfall, sections);
                    }
                }
                case "h", "hint" -> {
                    if (hints == lesson.hints().size()) {
                        out.println("That was the last hint; [s]olution shows the fix.");
                    } else {
                        hints++;
                        HintCommand.printOne(lesson.hints(), hints, out, style);
                        int level = hints;
                        wb.progress().update(id, p -> p.hinted(level));
                    }
                }
                case "e", "edit" -> edit(copy);
                case "s", "solution" -> {
                    out.print(SolutionDiff.of(pitfall, style));
                    section("Fix it", sections);
                }
                default -> out.println("Type c, h, e, s or q, then press Enter.");
            }
        }
    }

    private int finish(Pitfall<?> pitfall, Map<String, String> sections) {
        out.println();
        out.println(wb.style().bold("The reference fix, as a diff against the broken example:"));
        out.print(SolutionDiff.of(pitfall, wb.style()));
        section("Fix it", sections);
        section("Takeaway", sections);
        wb.nextNotFixed(id).ifPresent(next -> out.println(wb.style().dim("Next: `workbook lesson " + next.id() + "` ("
                + next.title() + ").")));
        out.flush();
        return ExitCodes.AS_EXPECTED;
    }

    private void edit(Path copy) throws IOException, InterruptedException {
        var editor = Editor.configured();
        if (editor.isPresent() && wb.interactive()) {
            out.println(wb.style().dim("Opening it in " + editor.get() + "..."));
            out.flush();
            Editor.open(editor.get(), copy);
        } else {
            out.println(wb.style().dim("Edit it in your editor (set $EDITOR to have it opened for you), then check."));
        }
    }

    private void section(String title, Map<String, String> sections) {
        String text = sections.getOrDefault(title, "");
        out.print(MarkdownText.render("## " + title + "\n\n" + text, width, wb.style()));
        out.flush();
    }

    /** Prints a question and reads the answer; {@code null} when the input has ended. */
    private String ask(String question) throws IOException {
        out.print(wb.style().bold(question));
        out.flush();
        String line = wb.in().readLine();
        if (line != null && !wb.interactive()) {
            out.println(line);
        }
        return line;
    }

    private int stopped() {
        out.println();
        out.println("Stopped; your progress is saved. 'workbook lesson " + id + "' starts again.");
        out.flush();
        return ExitCodes.AS_EXPECTED;
    }
}
