package workbook.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LessonParserTest {

    static final String FRONT = """
            id: demo
            title: "A demo"
            chapter: 3
            kind: RACE
            minutes: 10
            seed: ["000"]
            summary: "One line."
            predict:
              question: "What happens?"
              choices: ["this", "that"]
              answer: 2
            hints:
              - "look"
              - "look closer"
              - "the answer"
            """;

    static final String BODY = """
            # A demo

            ## The incident
            ## Predict
            ## Run it
            ## Observe
            ## Why
            ## Fix it
            ## Takeaway
            """;

    static String lesson(String front, String body) {
        return "---\n" + front + "---\n" + body;
    }

    @Test
    void readsEveryField() throws Exception {
        Lesson lesson = LessonParser.parse("demo.md", "demo", lesson(FRONT, BODY));

        assertEquals("A demo", lesson.title());
        assertEquals(3, lesson.chapter());
        assertEquals("RACE", lesson.kind());
        assertEquals(List.of("000"), lesson.seeds());
        assertEquals(new Lesson.Prediction("What happens?", List.of("this", "that"), 2), lesson.predict());
        assertEquals(3, lesson.hints().size());
    }

    @Test
    void readsTheMinutesAndTheQuestionsForTheRoom() throws Exception {
        Lesson lesson = LessonParser.parse("demo.md", "demo", lesson(FRONT + """
                discuss:
                  - question: "Where else?"
                    answer: "Everywhere."
                """, BODY));

        assertEquals(10, lesson.minutes());
        assertEquals(List.of(new Lesson.Discussion("Where else?", "Everywhere.")), lesson.discuss());
        assertEquals(List.of(), LessonParser.parse("demo.md", "demo", lesson(FRONT, BODY)).discuss());
    }

    @Test
    void aQuestionWithoutItsAnswerOrAnOddLengthIsRefused() {
        var noAnswer = assertThrows(LessonFormatException.class, () -> LessonParser.parse("demo.md", "demo",
                lesson(FRONT + "discuss:\n  - question: \"Where else?\"\n", BODY)));
        assertEquals("discuss[1].answer", noAnswer.field());

        var tooLong = assertThrows(LessonFormatException.class, () -> LessonParser.parse("demo.md", "demo",
                lesson(FRONT.replace("minutes: 10", "minutes: 90"), BODY)));
        assertEquals("minutes", tooLong.field());
    }

    @Test
    void aMissingFieldIsNamed() {
        var e = assertThrows(LessonFormatException.class,
                () -> LessonParser.parse("demo.md", "demo", lesson(FRONT.replace("kind: RACE\n", ""), BODY)));

        assertEquals("kind", e.field());
        assertEquals("demo.md: front matter field 'kind': is missing", e.getMessage());
    }

    @Test
    void tooFewHintsAreRefused() {
        var e = assertThrows(LessonFormatException.class, () -> LessonParser.parse("demo.md", "demo",
                lesson(FRONT.replace("  - \"the answer\"\n", ""), BODY)));

        assertEquals("demo.md: front matter field 'hints': must be a list of at least 3 entries", e.getMessage());
    }

    @Test
    void anAnswerOutsideTheChoicesIsRefused() {
        var e = assertThrows(LessonFormatException.class,
                () -> LessonParser.parse("demo.md", "demo", lesson(FRONT.replace("answer: 2", "answer: 3"), BODY)));

        assertEquals("predict.answer", e.field());
    }

    @Test
    void anIdThatDisagreesWithTheFileNameIsRefused() {
        var e = assertThrows(LessonFormatException.class, () -> LessonParser.parse("other.md", "other", lesson(FRONT,
                BODY)));

        assertEquals("other.md: front matter field 'id': 'demo' does not match the file name (other.md)",
                e.getMessage());
    }

    @Test
    void brokenYamlSaysSoWithItsLine() {
        var e = assertThrows(LessonFormatException.class,
                () -> LessonParser.parse("demo.md", "demo", lesson(FRONT.replace("chapter: 3", "chapter: [3"), BODY)));

        assertEquals(null, e.field());
        assertEquals(true, e.getMessage().startsWith("demo.md: its front matter is not valid YAML"), e.getMessage());
    }

    @Test
    void aFileWithoutFrontMatterIsRefused() {
        var e = assertThrows(LessonFormatException.class, () -> LessonParser.parse("demo.md", "demo", BODY));

        assertEquals("demo.md: does not start with front matter between two '---' lines", e.getMessage());
    }

    @Test
    void missingAndMisorderedSectionsAreRefused() {
        var missing = assertThrows(LessonFormatException.class,
                () -> LessonParser.parse("demo.md", "demo", lesson(FRONT, BODY.replace("## Why\n", ""))));
        var misordered = assertThrows(LessonFormatException.class, () -> LessonParser.parse("demo.md", "demo",
                lesson(FRONT, BODY.replace("## Why\n", "").replace("## The incident\n", "## Why\n## The incident\n"))));

        assertEquals("demo.md: has no '## Why' section", missing.getMessage());
        assertEquals(true, misordered.getMessage().contains("has its sections out of order"), misordered.getMessage());
    }

    @Test
    void aLessonInAnUnknownChapterIsAProblemNotAFailure() {
        Lessons lessons = Lessons.read(List.of(new Chapter(1, "One", List.of())), Map.of("demo", lesson(FRONT, BODY)));

        assertEquals(List.of(), lessons.all());
        assertEquals("lessons/src/main/resources/lessons/demo.md: front matter field 'chapter': there is no chapter 3"
                + " in lessons/chapters.yaml", lessons.problems().get(0).getMessage());
    }

    @Test
    void lessonsComeInTheirChaptersOrderAndUnlistedOnesLast() {
        Map<String, String> texts = new HashMap<>();
        for (String id : List.of("a-first", "b-unlisted", "c-second", "z-zero")) {
            texts.put(id, lesson(FRONT.replace("id: demo", "id: " + id).replace("chapter: 3", "chapter: 1"), BODY));
        }

        Lessons lessons = Lessons.read(List.of(new Chapter(1, "One", List.of("z-zero", "a-first", "c-second"))),
                texts);

        assertEquals(List.of("z-zero", "a-first", "c-second", "b-unlisted"),
                lessons.all().stream().map(Lesson::id).toList());
    }

    @Test
    void theShippedLessonsAllParse() {
        Lessons lessons = Lessons.load();

        assertEquals(List.of(), lessons.problems().stream().map(Exception::getMessage).toList());
        assertEquals(7, lessons.chapters().size());
    }
}
