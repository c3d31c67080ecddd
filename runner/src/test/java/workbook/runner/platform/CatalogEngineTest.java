package workbook.runner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import workbook.runner.suite.WrongFixes;

/** The engine as a build finds it: a service of the class path, answering for a class marked ConcurrencyCatalog. */
class CatalogEngineTest {

    /** As a team's build has it (nested, so that Surefire does not hand it to the engine of this build). */
    @ConcurrencyCatalog
    static final class Marked {
    }

    private final Launcher launcher = LauncherFactory.create();

    @Test
    void aClassMarkedConcurrencyCatalogSelectsAContainerPerPitfallAndATestPerVariant() {
        TestPlan plan = launcher.discover(request(Map.of(CatalogSettings.PITFALLS, "shared-formatter, lost-update"),
                selectClass(Marked.class)));

        List<String> tests = plan.getChildren(engine(plan)).stream()
                .flatMap(pitfall -> plan.getChildren(pitfall).stream().map(TestIdentifier::getDisplayName)).toList();
        assertEquals(List.of("lost-update broken reproduces RACE", "lost-update fixed is clean",
                "shared-formatter broken reproduces RACE", "shared-formatter fixed is clean"), tests);
        assertTrue(engine(plan).getDisplayName().startsWith("Concurrency Pitfalls Workbook on JDK "
                + Runtime.version().feature()), engine(plan).getDisplayName());
    }

    @Test
    void aClassWithoutTheMarkSelectsNothingAndAVariantsIdSelectsItAlone() {
        assertEquals(0, launcher.discover(request(Map.of(), selectClass(CatalogEngineTest.class)))
                .countTestIdentifiers(id -> id.getUniqueIdObject().getEngineId().orElse("").equals(CatalogEngine.ID)
                        && id.isTest()));

        UniqueId fixed = UniqueId.forEngine(CatalogEngine.ID).append("pitfall", "lost-update").append("variant",
                "fixed");
        TestPlan plan = launcher.discover(request(Map.of(), selectUniqueId(fixed)));
        assertEquals(1, plan.countTestIdentifiers(TestIdentifier::isTest));
        assertEquals(1, plan.countTestIdentifiers(id -> id.isTest() && id.getUniqueIdObject().equals(fixed)));
    }

    @Test
    void withWrongFixesAPitfallHasATestPerFixtureAndAFixturesIdSelectsItAlone() {
        TestPlan plan = launcher.discover(request(Map.of(CatalogSettings.PITFALLS, "lost-update",
                CatalogSettings.WRONG_FIXES, "true"), selectClass(Marked.class)));

        List<String> tests = plan.getChildren(plan.getChildren(engine(plan)).iterator().next()).stream()
                .map(TestIdentifier::getDisplayName).toList();
        assertEquals(2 + WrongFixes.of("lost-update").size(), tests.size(), tests::toString);
        assertTrue(tests.contains("lost-update wrong-volatile gets STILL BROKEN"), tests::toString);
        assertTrue(tests.contains("lost-update right-synchronized gets FIXED"), tests::toString);

        UniqueId volatileFix = UniqueId.forEngine(CatalogEngine.ID).append("pitfall", "lost-update")
                .append("fixture", "wrong-volatile");
        TestPlan one = launcher.discover(request(Map.of(), selectUniqueId(volatileFix)));
        assertEquals(1, one.countTestIdentifiers(id -> id.isTest() && id.getUniqueIdObject().equals(volatileFix)));
        assertEquals(1, one.countTestIdentifiers(TestIdentifier::isTest));
    }

    @Test
    void anUnknownPitfallOrANonsenseSettingStopsTheRunAndSaysWhy() {
        assertTrue(failure(Map.of(CatalogSettings.PITFALLS, "lost-update,no-such-pitfall")).contains(
                "workbook.pitfalls names no pitfall of the catalog: no-such-pitfall"));
        assertTrue(failure(Map.of(CatalogSettings.TRIALS, "many")).contains(
                "workbook.trials must be a whole number of at least 1, not 'many'"));
        assertTrue(failure(Map.of(CatalogSettings.JDK, "/no/such/jdk")).contains("no JDK at /no/such/jdk"));
    }

    @Test
    void runItRunsEachVariantsTrialsInJvmsOfTheirOwn() {
        SummaryGeneratingListener summary = new SummaryGeneratingListener();

        launcher.execute(request(Map.of(CatalogSettings.PITFALLS, "lost-update", CatalogSettings.TRIALS, "2"),
                selectClass(Marked.class)), summary);

        TestExecutionSummary result = summary.getSummary();
        assertEquals(List.of(), result.getFailures().stream().map(f -> f.getException().toString()).toList());
        assertEquals(2, result.getTestsSucceededCount());
    }

    /** What the Platform says when the engine cannot discover the catalog with these settings: it stops the run. */
    private String failure(Map<String, String> settings) {
        JUnitException stopped = assertThrows(JUnitException.class,
                () -> launcher.execute(request(settings, selectClass(Marked.class))));
        assertTrue(stopped.getMessage().contains("'" + CatalogEngine.ID + "' failed to discover"),
                stopped::getMessage);
        return stopped.getCause().getMessage();
    }

    private static TestIdentifier engine(TestPlan plan) {
        return plan.getRoots().stream().filter(root -> root.getUniqueId().contains(CatalogEngine.ID)).findFirst()
                .orElseThrow();
    }

    private static LauncherDiscoveryRequest request(Map<String, String> settings, DiscoverySelector selector) {
        return LauncherDiscoveryRequestBuilder.request().selectors(selector).configurationParameters(settings)
                .build();
    }
}
