package workbook.runner.suite;

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
 * trial runs in its own JVM with a hard deadline, so a deadlock or a leak cannot hang the build; one that is
 * INCONCLUSIVE (the machine could not tell, and the verdict says why) runs once more. New pitfalls join by
 * being registered as a {@link Pitfall} service; this class never changes.
 */
final class RegressionSuite {

    private final TrialLauncher launcher = new TrialLauncher();
    private final Lessons lessons = Lessons.load();

    /** Starts the pitfall's two trials in their turn, and the tests that wait for their verdicts. */
    List<DynamicTest> of(Pitfall<?> pitfall, SideBySide runners) {
        Future<Verdict> broken = runners.submit(pitfall, () -> trial(pitfall, Variant.BROKEN));
        Future<Verdict> fixed = runners.submit(pitfall, () -> trial(pitfall, Variant.FIXED));
        return List.of(DynamicTest.dynamicTest(pitfall.id() + " broken reproduces " + pitfall.kind(), () -> {
            Verdict verdict = SideBySide.result(broken);
            if (pitfall.failureMayBeUnobservable() && verdict.outcome() == Outcome.NOT_OBSERVABLE) {
                // Accepted for a pitfall that declares it, and said as such: not a reproduction, not a miss.
                System.out.printf("regression suite: %s broken was NOT_OBSERVABLE (not observed on this hardware and"
                        + " JDK, which this pitfall declares it may be): %s%n", pitfall.id(), verdict.summary());
                assertTheLessonsExampleMatches(pitfall, verdict);
                return;
            }
            assertEquals(Outcome.REPRODUCED, verdict.outcome(), () -> VerdictText.render(verdict));
            assertEquals(pitfall.kind(), verdict.kind(), () -> VerdictText.render(verdict));
            assertTheLessonsExampleMatches(pitfall, verdict);
        }), DynamicTest.dynamicTest(pitfall.id() + " fixed is clean", () -> {
            Verdict verdict = SideBySide.result(fixed);
            assertEquals(Outcome.CLEAN, verdict.outcome(), () -> VerdictText.render(verdict));
            assertTheLessonsExampleMatches(pitfall, verdict);
        }));
    }

    /** One trial; if the machine could not tell (INCONCLUSIVE, and the verdict says why), one more. */
    private Verdict trial(Pitfall<?> pitfall, Variant variant) {
        Verdict verdict = launcher.run(pitfall.id(), variant, TrialLauncher.DEFAULT_BUDGET);
        if (verdict.outcome() != Outcome.INCONCLUSIVE) {
            return verdict;
        }
        System.out.printf("regression suite: %s %s was INCONCLUSIVE, run once more: %s%n", pitfall.id(),
                variant.name().toLowerCase(Locale.ROOT), verdict.summary());
        return launcher.run(pitfall.id(), variant, TrialLauncher.DEFAULT_BUDGET);
    }

    /**
     * A lesson that quotes a verdict quotes one the workbook really gives, so that the two cannot drift apart: the
     * real one must agree with one of the lesson's examples of its variant.
     */
    private void assertTheLessonsExampleMatches(Pitfall<?> pitfall, Verdict verdict) {
        lessons.byId(pitfall.id()).map(lesson -> LessonExamples.all(lesson, verdict.variant()))
                .filter(examples -> !examples.isEmpty()).ifPresent(examples -> {
                    List<List<String>> each = examples.stream()
                            .map(example -> LessonExamples.disagreements(example, verdict)).toList();
                    if (each.stream().noneMatch(List::isEmpty)) {
                        assertEquals(List.of(), each.get(0), () -> "lessons/src/main/resources/lessons/"
                                + pitfall.id() + ".md quotes " + examples.size() + " "
                                + verdict.variant().name().toLowerCase(Locale.ROOT) + " verdicts, none like the"
                                + " real one (disagreements with the first shown):\n"
                                + VerdictText.render(verdict, 80));
                    }
                });
    }
}
