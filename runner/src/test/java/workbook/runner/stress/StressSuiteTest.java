package workbook.runner.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;
import workbook.harness.Variant;
import workbook.runner.repl.ReplTest;
import workbook.runner.stress.StressMode;
import workbook.runner.stress.StressResult.Conclusion;
import workbook.runner.stress.StressResult;
import workbook.runner.stress.StressRun;
import workbook.runner.stress.StressTests;
import workbook.runner.terminal.Style;

/**
 * Every jcstress test beside the catalog, in the short mode, on the fixed examples, in one jcstress run (it probes the
 * JVM for several seconds before its first test, however many it has): a fixed example must never show a forbidden
 * outcome. The broken side is {@code workbook stress}'s, and the lessons quote it: in so short a run, whether a race
 * shows is chance (the rarest ones seldom do, unsafe-publication never on x86), so it could only be skipped when unseen,
 * never failed, and the test command's minutes are better spent elsewhere. {@code -Dworkbook.stress.broken=true} runs
 * it too: a broken run must work, and a race not seen is reported as a skipped test with its samples, not as a pass
 * (the broken termination test, stale-flag, is left out: once its failure shows, jcstress waits 30 s for the thread
 * that never stops). It runs beside the REPL's sessions, not beside those that run trials.
 */
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock(value = ReplTest.MACHINE, mode = ResourceAccessMode.READ)
class StressSuiteTest {

    @TempDir
    Path runs;

    @TestFactory
    Stream<DynamicTest> everyJcstressTestRunsAndNoFixHasAForbiddenOutcome() throws Exception {
        Map<String, String> broken = tests(Variant.BROKEN);
        Map<String, String> fixed = tests(Variant.FIXED);
        assertEquals(broken.size(), fixed.size(), "every jcstress test has a Broken and a Fixed side");
        broken.keySet().removeIf(StressTests::isTermination);
        if (!Boolean.getBoolean("workbook.stress.broken")) {
            broken.clear();
        }
        List<DynamicTest> tests = new ArrayList<>();
        long start = System.nanoTime();
        for (StressResult result : broken.isEmpty()
                ? List.<StressResult>of()
                : StressRun.run(broken, Variant.BROKEN, null, StressMode.SHORT, runs.resolve("broken"), what -> {
                })) {
            tests.add(DynamicTest.dynamicTest(result.pitfall() + " broken", () -> {
                assertNotEquals(Conclusion.RUN_FAILED, result.conclusion(), () -> describe(result));
                Assumptions.assumeTrue(result.conclusion() == Conclusion.FAILURE_SHOWN,
                        () -> "not seen in this short run: " + describe(result));
            }));
        }
        for (StressResult result : StressRun.run(fixed, Variant.FIXED, null, StressMode.SHORT, runs.resolve("fixed"),
                what -> {
                })) {
            tests.add(DynamicTest.dynamicTest(result.pitfall() + " fixed", () -> {
                assertEquals(Conclusion.HELD, result.conclusion(), () -> describe(result));
                assertTrue(result.samples() > 0, () -> describe(result));
            }));
        }
        // Where the suite's time goes, in the test's output: the suite must stay within CI's minutes.
        System.out.printf("jcstress suite: %d broken and %d fixed in %,d ms%n", broken.size(), fixed.size(),
                (System.nanoTime() - start) / 1_000_000);
        return tests.stream();
    }

    /** The jcstress test of each pitfall that has one, for this variant, mapped to the pitfall's id. */
    private static Map<String, String> tests(Variant variant) {
        Map<String, String> tests = new LinkedHashMap<>();
        for (Pitfall<?> pitfall : Pitfalls.all()) {
            StressTests.of(pitfall, variant).ifPresent(test -> tests.put(test, pitfall.id()));
        }
        return tests;
    }

    private static String describe(StressResult result) {
        return StressTable.render(result, Style.plain());
    }
}
