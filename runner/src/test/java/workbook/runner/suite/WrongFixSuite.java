package workbook.runner.suite;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DynamicTest;
import workbook.harness.Pitfall;
import workbook.harness.TrialLauncher;

/**
 * Every wrong-fix fixture gets the verdict it expects from {@code check} ({@link FixtureChecks}), a test each.
 */
final class WrongFixSuite {

    private final FixtureChecks checks = new FixtureChecks(new TrialLauncher(), TrialLauncher.DEFAULT_BUDGET);
    private final Path builds;

    WrongFixSuite(Path builds) {
        this.builds = builds;
    }

    /** Starts the checks of the pitfall's fixtures in their turn, and a test for each that waits for its verdict. */
    List<DynamicTest> of(Pitfall<?> pitfall, SideBySide runners) {
        List<WrongFixes.Fixture> fixtures = WrongFixes.of(pitfall.id());
        Future<List<FixtureChecks.Checked>> checked = runners.submit(pitfall, () -> checks.run(pitfall, fixtures,
                builds.resolve(pitfall.id()), line -> System.out.println("wrong-fix suite: " + line)));
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < fixtures.size(); i++) {
            WrongFixes.Fixture fixture = fixtures.get(i);
            int index = i;
            tests.add(DynamicTest.dynamicTest(pitfall.id() + " " + fixture.name(), fixture.file().toUri(), () -> {
                FixtureChecks.Checked check = SideBySide.result(checked).get(index);
                assertTrue(check.asExpected(), () -> fixture.file() + ": " + check.surprise());
            }));
        }
        return tests;
    }
}
