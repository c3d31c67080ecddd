package workbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DynamicTest;
import workbook.harness.Outcome;
import workbook.harness.Pitfall;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.harness.VerdictText;
import workbook.lessons.Lessons;

/**
 * The catalog as a regression suite: every broken example still fails with its declared kind, every fix passes. Each
 * trial runs in its own JVM with a hard deadline, so a deadlock or a leak cannot hang the build. New pitfalls join by
 * being registered as a {@link Pitfall} service; this class never changes.
 */
final class RegressionSuite {

    private final TrialLauncher launcher = new TrialLauncher();
    private final Lessons lessons = Lessons.load();

    /** Starts the pitfall's two trials in their turn, and the tests that wait for their verdicts. */
    List<DynamicTest> of(Pitfall<?> pitfall, SideBySide runners) {
        Future<Verdict> broken = runners.submit(pitfall,
                () -> launcher.run(pitfall.id(), Variant.BROKEN, TrialLauncher.DEFAULT_BUDGET));
        Future<Verdict> fixed = runners.submit(pitfall,
                () -> launcher.run(pitfall.id(), Variant.FIXED, TrialLauncher.DEFAULT_BUDGET));
        return List.of(DynamicTest.dynamicTest(pitfall.id() + " broken reproduces " + pitfall.kind(), () -> {
            Verdict verdict = SideBySide.result(broken);
            assertEquals(Outcome.REPRODUCED, verdict.outcome(), () -> VerdictText.render(verdict));
            assertEquals(pitfall.kind(), verdict.kind(), () -> VerdictText.render(verdict));
            assertTheLessonsExampleMatches(pitfall, verdict);
        }), DynamicTest.dynamicTest(pitfall.id() + " fixed is clean", () -> {
            Verdict verdict = SideBySide.result(fixed);
            assertEquals(Outcome.CLEAN, verdict.outcome(), () -> VerdictText.render(verdict));
            assertTheLessonsExampleMatches(pitfall, verdict);
        }));
    }

    /** A lesson that quotes a verdict quotes one the workbook really gives, so that the two cannot drift apart. */
    private void assertTheLessonsExampleMatches(Pitfall<?> pitfall, Verdict verdict) {
        lessons.byId(pitfall.id()).flatMap(lesson -> LessonExamples.of(lesson, verdict.variant())).ifPresent(
                example -> assertEquals(List.of(), LessonExamples.disagreements(example, verdict),
                        () -> "lessons/src/main/resources/lessons/" + pitfall.id() + ".md quotes a "
                                + verdict.variant().name().toLowerCase(Locale.ROOT)
                                + " verdict unlike the real one:\n" + VerdictText.render(verdict, 80)));
    }
}
