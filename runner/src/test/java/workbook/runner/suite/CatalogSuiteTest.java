package workbook.runner.suite;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;

/**
 * The whole catalog, pitfall by pitfall: its broken example and its fix ({@link RegressionSuite}), then its wrong-fix
 * fixtures ({@link WrongFixSuite}). Every trial of both is queued at once, three running side by side
 * ({@link SideBySide}; {@code -Dworkbook.suite.jobs=N} for another number), so that the machine is never idle between
 * one suite and the next.
 */
class CatalogSuiteTest {

    @TempDir
    Path builds;

    @TestFactory
    Stream<DynamicNode> everyPitfallReproducesItsFixIsCleanAndEveryFixtureGetsItsVerdict() {
        RegressionSuite regression = new RegressionSuite();
        WrongFixSuite wrongFixes = new WrongFixSuite(builds);
        SideBySide runners = new SideBySide(Integer.getInteger("workbook.suite.jobs", SideBySide.AT_ONCE));
        List<DynamicNode> pitfalls = new ArrayList<>();
        for (Pitfall<?> pitfall : SideBySide.inTurnOrder(chosen(Pitfalls.all()))) {
            List<DynamicNode> tests = new ArrayList<>(regression.of(pitfall, runners));
            tests.addAll(wrongFixes.of(pitfall, runners));
            pitfalls.add(DynamicContainer.dynamicContainer(pitfall.id(), tests));
        }
        return pitfalls.stream().onClose(runners::close);
    }

    /**
     * The pitfalls named by {@code -Dworkbook.pitfalls=id,id} (for work on one pitfall: {@code mvn -pl runner -am
     * test -Dtest=CatalogSuiteTest -Dworkbook.pitfalls=lost-update}); all of them when it is not set.
     */
    private static List<Pitfall<?>> chosen(List<Pitfall<?>> all) {
        String named = System.getProperty("workbook.pitfalls", "").strip();
        if (named.isEmpty()) {
            return all;
        }
        Set<String> ids = Set.of(named.split("\\s*,\\s*"));
        List<Pitfall<?>> chosen = all.stream().filter(pitfall -> ids.contains(pitfall.id())).toList();
        if (chosen.size() != ids.size()) {
            throw new IllegalArgumentException("workbook.pitfalls names an unknown pitfall: " + named);
        }
        return chosen;
    }
}
