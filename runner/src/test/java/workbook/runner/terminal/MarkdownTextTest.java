package workbook.runner.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.lessons.Lesson;
import workbook.lessons.Lessons;
import workbook.runner.catalog.LessonSections;
import workbook.runner.learner.Prediction;

class MarkdownTextTest {

    @Test
    void shortInlineCodeStaysOnOneLine() {
        String text = MarkdownText.render("Wrap the call in `Future<?> f = executor.submit(task)` and keep it.", 40,
                Style.plain());

        assertEquals("Wrap the call in\n`Future<?> f = executor.submit(task)`\nand keep it.\n", text);
    }

    @Test
    void inlineCodeThatFitsALineIsNeverSplit() {
        String text = MarkdownText.render("start() returns `CompletableFuture.supplyAsync(() -> exportAll(export),"
                + " executor)`, and exportAll checks.", 80, Style.plain());

        assertEquals("start() returns\n`CompletableFuture.supplyAsync(() -> exportAll(export), executor)`, and\n"
                + "exportAll checks.\n", text);
    }

    @Test
    void longInlineCodeBreaksAtItsSpacesRatherThanOverflow() {
        String text = MarkdownText.render("It says `40 calls each returned the lowest price, yet 120 threads they"
                + " started are still alive` at the end.", 40, Style.plain());

        assertEquals("It says `40 calls each returned the\nlowest price, yet 120 threads they\n"
                + "started are still alive` at the end.\n", text);
    }

    @Test
    void aWidthOfZeroOrNoneOrGarbageIsEightyAndAWideOneIsCappedAtAHundred() {
        assertEquals(80, MarkdownText.terminalWidth("0"));
        assertEquals(80, MarkdownText.terminalWidth(null));
        assertEquals(80, MarkdownText.terminalWidth("wide"));
        assertEquals(64, MarkdownText.terminalWidth("64"));
        assertEquals(100, MarkdownText.terminalWidth("240"));
    }

    @Test
    void noLineIsWiderThanTheWidthAndNoWordOrCodeSpanIsCutWhereverTheLineEnds() {
        String sentence = "The poller stops: cancel(true) interrupts the sleep, and the loop condition checks "
                + "`isInterrupted()` before the next `fetchNew()`";
        for (int width = 40; width <= 100; width++) {
            String text = MarkdownText.render(sentence, width, Style.plain());

            for (String line : text.lines().toList()) {
                assertTrue(line.length() <= width, width + ": " + line);
            }
            List<String> words = List.of(text.strip().split("\\s+"));
            assertEquals(List.of(sentence.split(" ")), words, "at width " + width);
        }
    }

    @Test
    void theRevealOfAPredictionWrapsBetweenWords() {
        Lesson lesson = Lessons.load().byId("swallowed-interrupt").orElseThrow();
        int wrong = lesson.predict().answer() == 1 ? 2 : 1;

        for (int width : new int[]{40, 80, 100}) {
            String text = Prediction.reveal(lesson, wrong, Style.plain(), width);

            text.lines().forEach(line -> assertTrue(line.length() <= width, width + ": " + line));
            assertEquals(
                    String.join(" ", ("You predicted: " + lesson.predict().choices().get(wrong - 1)).split("\\s+")),
                    text.substring(0, text.indexOf("What happens:")).strip().replaceAll("\\s+", " "));
        }
    }

    @Test
    void thePredictSectionLeavesItsShortQuestionToTheFullOneAskedAfterIt() {
        String section = "The setup.\n\nWhat happens? Pick one\nbefore you run it.";

        assertEquals("The setup.", Prediction.setup(section));
        assertEquals("No question here.", Prediction.setup("No question here."));
        assertEquals("The setup.", Prediction.setup("The setup.\n\nWhat does `startup` see when a load throws?"));
        assertEquals("The setup.\n\nOne query is new. What does the user see?",
                Prediction.setup("The setup.\n\nOne query is new. What does the user see?"));
    }

    @Test
    void everyLessonsPredictSectionEndsWithItsQuestionInAParagraphOfItsOwn() {
        for (Lesson lesson : Lessons.load().all()) {
            String section = LessonSections.of(lesson).getOrDefault("Predict", "").strip();
            String closing = section.substring(section.lastIndexOf("\n\n") + 1).strip().replaceAll("\\s+", " ");
            String question = closing.replace(Prediction.SHORT_QUESTION_END, "").strip();
            assertTrue(closing.endsWith(Prediction.SHORT_QUESTION_END) && question.endsWith("?")
                    && !question.contains(". "),
                    lesson.id() + ": the Predict section should end with a paragraph of its own, its question in short"
                            + " and \"" + Prediction.SHORT_QUESTION_END + "\", which the walk leaves to the full"
                            + " question; it ends: " + closing);
        }
    }

    @Test
    void aCodeBlockTooWideForTheIndentLosesTheIndentAndALineTooWideBreaksAtASpace() {
        String quoted = "x".repeat(38) + "\n  " + "word ".repeat(10).strip() + "\n";

        String text = MarkdownText.render("```\n" + quoted + "```\n", 40, Style.plain());

        assertEquals("  " + "x".repeat(38) + "\n    word word word word word word word\n    word word word\n", text);
    }

    @Test
    void aStackFrameTooWideForAnyLineIsLeftWholeNotBrokenAfterItsAt() {
        String frame = "    at workbook.cancelthatdoesnt.ReportExporter.lambda$start$0(ReportExporter.java:25)";

        String text = MarkdownText.render("```\n" + frame + "\n```\n", 40, Style.plain());

        assertEquals("    " + frame + "\n", text);
    }
}
