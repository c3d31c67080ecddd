package workbook.runner.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;
import workbook.lessons.Chapter;
import workbook.lessons.Lessons;
import workbook.runner.suite.WrongFixes;

/** Every pitfall has its broken and fixed example and its lesson, and they agree. */
class CatalogCompletenessTest {

    private static final String FRONT_OF_LOST_UPDATE = """
            id: lost-update
            title: "Lost"
            chapter: 3
            kind: RACE
            minutes: 10
            seed: ["000"]
            summary: "x"
            predict:
              question: "q"
              choices: ["a", "b"]
              answer: 1
            hints: ["1", "2", "3"]
            discuss:
              - question: "q1"
                answer: "a1"
              - question: "q2"
                answer: "a2"
            """;

    @Test
    void theCatalogIsComplete() {
        List<String> problems = CatalogCheck.problems(Pitfalls.all(), Lessons.load());

        assertEquals(List.of(), problems, () -> "The catalog is incomplete:\n  " + String.join("\n  ", problems));
    }

    @Test
    void everyPitfallHasItsWrongFixFixtures() {
        List<String> problems = Pitfalls.all().stream().flatMap(p -> WrongFixes.problems(p).stream()).toList();

        assertEquals(List.of(), problems, () -> "Wrong-fix fixtures missing:\n  " + String.join("\n  ", problems));
    }

    @Test
    void thereIsSomethingToCheck() {
        assertTrue(Pitfalls.all().size() >= 4, "pitfalls found: " + Pitfalls.all().size());
    }

    @Test
    void aPitfallWithoutItsLessonIsNamedWithTheFileToWrite() {
        Lessons none = Lessons.read(Lessons.load().chapters(), Map.of());

        List<String> problems = CatalogCheck.problems(List.of(pitfall("lost-update")), none);

        assertEquals(List.of("lessons/src/main/resources/lessons/lost-update.md: missing (the lesson of lost-update)"),
                problems);
    }

    @Test
    void duplicateIdsAreNamed() {
        Pitfall<?> once = pitfall("lost-update");

        List<String> problems = CatalogCheck.problems(List.of(once, once), Lessons.load());

        assertTrue(problems.contains("workbook.lostupdate.LostUpdate: id 'lost-update' is used by another pitfall too"),
                problems::toString);
    }

    @Test
    void aLessonWhoseKindDisagreesWithTheCodeIsNamedWithTheField() {
        String lesson = Lessons.load().byId("lost-update").orElseThrow().body();
        String text = "---\n" + FRONT_OF_LOST_UPDATE.replace("kind: RACE", "kind: DEADLOCK") + "---\n" + lesson;

        List<String> problems = CatalogCheck.problems(List.of(pitfall("lost-update")),
                Lessons.read(Lessons.load().chapters(), Map.of("lost-update", text)));

        assertEquals(
                List.of("lessons/src/main/resources/lessons/lost-update.md: front matter field 'kind' says DEADLOCK,"
                        + " the code (LostUpdate.kind()) says RACE"),
                problems);
    }

    @Test
    void aLessonWithTooFewQuestionsForTheRoomIsNamed() {
        String lesson = Lessons.load().byId("lost-update").orElseThrow().body();
        String front = FRONT_OF_LOST_UPDATE.substring(0, FRONT_OF_LOST_UPDATE.indexOf("discuss:"));

        List<String> problems = CatalogCheck.problems(List.of(pitfall("lost-update")),
                Lessons.read(Lessons.load().chapters(), Map.of("lost-update", "---\n" + front + "---\n" + lesson)));

        assertEquals(List.of("lessons/src/main/resources/lessons/lost-update.md: front matter field 'discuss' has 0"
                + " questions for the room; an instructor needs at least 2, each with its expected answer"), problems);
    }

    @Test
    void aLessonWithoutAPitfallIsNamed() {
        List<String> problems = CatalogCheck.problems(List.of(), Lessons.load());

        assertTrue(problems.contains(
                "lessons/src/main/resources/lessons/lost-update.md: no pitfall has the id 'lost-update'"),
                problems::toString);
    }

    @Test
    void aLessonMissingFromItsChaptersTeachingOrderIsNamed() {
        Lessons loaded = Lessons.load();
        List<Chapter> withoutOrder = loaded.chapters().stream()
                .map(c -> new Chapter(c.number(), c.title(), List.of())).toList();
        String text = "---\n" + FRONT_OF_LOST_UPDATE + "---\n" + loaded.byId("lost-update").orElseThrow().body();

        List<String> problems = CatalogCheck.problems(List.of(pitfall("lost-update")),
                Lessons.read(withoutOrder, Map.of("lost-update", text)));

        assertEquals(List.of("lessons/src/main/resources/lessons/chapters.yaml: chapter 3 does not list 'lost-update'"
                + " among its lessons (the teaching order)"), problems);
    }

    @Test
    void theCatalogFollowsTheTeachingOrderOfChaptersYaml() {
        List<String> order = Lessons.load().chapters().stream().flatMap(c -> c.lessons().stream()).toList();

        assertEquals(order, Catalog.load().entries().stream().map(Catalog.Entry::id).toList());
    }

    private static Pitfall<?> pitfall(String id) {
        return Pitfalls.byId(id).orElseThrow();
    }
}
