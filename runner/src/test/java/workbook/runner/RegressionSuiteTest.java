package workbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import workbook.harness.Outcome;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.harness.VerdictText;

/**
 * The catalog as a regression suite: every broken example still fails with its declared kind, every fix passes.
 * Each trial runs in its own JVM with a hard deadline, so a deadlock or a leak cannot hang the build. New pitfalls
 * join by being registered as a {@link Pitfall} service; this class never changes.
 */
class RegressionSuiteTest {

    private final TrialLauncher launcher = new TrialLauncher();

    @TestFactory
    Stream<DynamicTest> everyBrokenExampleReproducesAndEveryFixIsClean() {
        List<Pitfall<?>> pitfalls = Pitfalls.all();
        return pitfalls.stream().flatMap(pitfall -> Stream.of(
                DynamicTest.dynamicTest(pitfall.id() + " broken reproduces " + pitfall.kind(), () -> {
                    Verdict verdict = launcher.run(pitfall.id(), Variant.BROKEN, TrialLauncher.DEFAULT_BUDGET);
                    assertEquals(Outcome.REPRODUCED, verdict.outcome(), () -> VerdictText.render(verdict));
                    assertEquals(pitfall.kind(), verdict.kind(), () -> VerdictText.render(verdict));
                }), DynamicTest.dynamicTest(pitfall.id() + " fixed is clean", () -> {
                    Verdict verdict = launcher.run(pitfall.id(), Variant.FIXED, TrialLauncher.DEFAULT_BUDGET);
                    assertEquals(Outcome.CLEAN, verdict.outcome(), () -> VerdictText.render(verdict));
                })));
    }
}
