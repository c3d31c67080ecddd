package workbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;
import workbook.harness.TrialLauncher;
import workbook.harness.VerdictText;

/**
 * Every wrong-fix fixture gets the verdict it expects from {@code check}: a plausible wrong fix is never FIXED, and a
 * correct fix written another way than the reference is. One trial a fixture, each in a JVM of its own.
 */
class WrongFixSuiteTest {

    @TempDir
    Path builds;

    @TestFactory
    Stream<DynamicTest> everyFixtureGetsItsVerdict() {
        Check check = new Check(new TrialLauncher(), TrialLauncher.DEFAULT_BUDGET, 1, null);
        return Pitfalls.all().stream().flatMap(pitfall -> WrongFixes.of(pitfall.id()).stream()
                .map(fixture -> DynamicTest.dynamicTest(pitfall.id() + " " + fixture.name(), fixture.file().toUri(),
                        () -> assertVerdict(check, pitfall, fixture))));
    }

    private void assertVerdict(Check check, Pitfall<?> pitfall, WrongFixes.Fixture fixture) throws Exception {
        assertNotNull(fixture.expected(), fixture.file() + " says no verdict to expect");
        Path build = Files.createDirectories(builds.resolve(pitfall.id()).resolve(fixture.name()));
        Check.Report report = check.run(pitfall, fixture.file(), build);
        assertEquals(fixture.expected(), report.result(), () -> fixture.file() + ": expected "
                + fixture.expected().label + ", got " + report.result().label + "\n"
                + (report.verdicts().isEmpty()
                        ? String.join("\n", report.compilation().errors())
                        : report.verdicts().stream().map(VerdictText::render).collect(Collectors.joining("\n"))));
    }
}
