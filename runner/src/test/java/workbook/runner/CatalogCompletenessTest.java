package workbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;
import workbook.lessons.Lessons;

/** Every pitfall has its broken and fixed example and its lesson, and they agree. */
class CatalogCompletenessTest {

    @Test
    void theCatalogIsComplete() {
        List<String> problems = CatalogCheck.problems(Pitfalls.all(), Lessons.load());

        assertEquals(List.of(), problems, () -> "The catalog is incomplete:\n  " + String.join("\n  ", problems));
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
        String text = "---\n" + """
                id: lost-update
                title: "Lost"
                chapter: 3
                kind: DEADLOCK
                seed: ["000"]
                summary: "x"
                predict:
                  question: "q"
                  choices: ["a", "b"]
                  answer: 1
                hints: ["1", "2", "3"]
                """ + "---\n" + lesson;

        List<String> problems = CatalogCheck.problems(List.of(pitfall("lost-update")),
                Lessons.read(Lessons.load().chapters(), Map.of("lost-update", text)));

        assertEquals(
                List.of("lessons/src/main/resources/lessons/lost-update.md: front matter field 'kind' says DEADLOCK,"
                        + " the code (LostUpdate.kind()) says RACE"),
                problems);
    }

    @Test
    void aLessonWithoutAPitfallIsNamed() {
        List<String> problems = CatalogCheck.problems(List.of(), Lessons.load());

        assertTrue(problems.contains(
                "lessons/src/main/resources/lessons/lost-update.md: no pitfall has the id 'lost-update'"),
                problems::toString);
    }

    private static Pitfall<?> pitfall(String id) {
        return Pitfalls.byId(id).orElseThrow();
    }
}
