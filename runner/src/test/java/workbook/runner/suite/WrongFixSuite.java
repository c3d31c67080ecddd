package workbook.runner.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import workbook.harness.Pitfall;
import workbook.harness.TrialLauncher;
import workbook.harness.VerdictText;
import workbook.runner.learner.Check;

/**
 * Every wrong-fix fixture gets the verdict it expects from {@code check}: a plausible wrong fix is never FIXED, and a
 * correct fix written another way than the reference is. One trial a fixture: the fixtures of a pitfall whose trials
 * share a JVM take their turns in one ({@link Check#runEach}), the others get a JVM each. A fixture whose check was
 * INCONCLUSIVE (the machine could not tell, and the verdict says why) is checked once more, in a JVM of its own.
 */
final class WrongFixSuite {

    private final Check check = new Check(new TrialLauncher(), TrialLauncher.DEFAULT_BUDGET, 1, null);
    private final Path builds;

    WrongFixSuite(Path builds) {
        this.builds = builds;
    }

    /** Starts the checks of the pitfall's fixtures in their turn, and a test for each that waits for its verdict. */
    List<DynamicTest> of(Pitfall<?> pitfall, SideBySide runners) {
        List<WrongFixes.Fixture> fixtures = WrongFixes.of(pitfall.id());
        Future<List<Check.Report>> reports = runners.submit(pitfall, () -> {
            long start = System.nanoTime();
            List<Check.Report> ran = new ArrayList<>(check.runEach(pitfall,
                    fixtures.stream().map(WrongFixes.Fixture::file).toList(), builds.resolve(pitfall.id())));
            for (int i = 0; i < ran.size(); i++) {
                if (ran.get(i).result() == Check.Result.INCONCLUSIVE) {
                    // The machine could not tell this time (the verdict says why): once more, as a learner would.
                    System.out.printf("wrong-fix suite: %s %s was INCONCLUSIVE, checked once more: %s%n",
                            pitfall.id(), fixtures.get(i).name(), ran.get(i).deciding().summary());
                    ran.set(i, check.run(pitfall, fixtures.get(i).file(),
                            builds.resolve(pitfall.id()).resolve("again-" + (i + 1))));
                }
            }
            // Where the suite's time goes, in the test's output: the suite must stay within CI's minutes.
            System.out.printf("wrong-fix suite: %s, %d fixtures in %,d ms (scenarios: %s)%n", pitfall.id(),
                    fixtures.size(), (System.nanoTime() - start) / 1_000_000, scenarioMillis(fixtures, ran));
            return ran;
        });
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            WrongFixes.Fixture fixture = fixtures.get(i);
            int index = i;
            tests.add(DynamicTest.dynamicTest(pitfall.id() + " " + fixture.name(), fixture.file().toUri(),
                    () -> assertVerdict(fixture, SideBySide.result(reports).get(index))));
        }
        return tests;
    }

    /** Each fixture's scenario time, in milliseconds, in the order of the fixtures. */
    private static String scenarioMillis(List<WrongFixes.Fixture> fixtures, List<Check.Report> reports) {
        List<String> each = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            long millis = reports.get(i).verdicts().stream().mapToLong(v -> v.timings().scenarioMillis()).sum();
            each.add(fixtures.get(i).name() + " " + millis);
        }
        return String.join(", ", each);
    }

    private static void assertVerdict(WrongFixes.Fixture fixture, Check.Report report) {
        assertNotNull(fixture.expected(), fixture.file() + " says no verdict to expect");
        assertEquals(fixture.expected(), report.result(), () -> fixture.file() + ": expected "
                + fixture.expected().label + ", got " + report.result().label + "\n"
                + (report.verdicts().isEmpty()
                        ? String.join("\n", report.compilation().errors())
                        : report.verdicts().stream().map(VerdictText::render).collect(Collectors.joining("\n"))));
    }
}
