package workbook.runner.platform;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.junit.platform.reporting.open.xml.OpenTestReportGeneratingListener;
import workbook.harness.TrialLauncher;
import workbook.runner.suite.Verification.PitfallResult;

/**
 * Runs the catalog's tests through the JUnit Platform's launcher, for {@code workbook verify}: the engine with the
 * command's trial launcher, nothing else the class path offers, and the Platform's own reports.
 */
public final class CatalogLauncher {

    /** The file the legacy JUnit XML listener names after the engine. */
    static final String LEGACY_XML = "TEST-" + CatalogEngine.ID + ".xml";

    private final TrialLauncher trials;
    private final Consumer<String> progress;

    public CatalogLauncher(TrialLauncher trials, Consumer<String> progress) {
        this.trials = trials;
        this.progress = progress;
    }

    /**
     * Runs the pitfalls {@code ids} with {@code settings} (configuration parameters, {@link CatalogSettings}).
     *
     * @param reports where to write the JUnit XML, as {@code xmlName}, and the Open Test Reporting XML; or empty
     * @return each pitfall's result, in the order of {@code ids}
     * @throws IllegalStateException if the catalog could not run (it says why), rather than some results missing
     */
    public List<PitfallResult> run(List<String> ids, Map<String, String> settings, Optional<Path> reports,
            String xmlName, PrintWriter err) throws IOException {
        Map<String, PitfallResult> results = new ConcurrentHashMap<>();
        CatalogEngine engine = new CatalogEngine(trials, result -> results.put(result.id(), result), progress);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enableLauncherSessionListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .addTestEngines(engine).build());
        UniqueId root = UniqueId.forEngine(CatalogEngine.ID);
        LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                .selectors(ids.stream().map(id -> selectUniqueId(root.append(PitfallDescriptor.SEGMENT, id))).toList())
                .enableImplicitConfigurationParameters(false)
                .configurationParameters(settings);
        List<TestExecutionListener> listeners = new ArrayList<>();
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        listeners.add(summary);
        if (reports.isPresent()) {
            Files.createDirectories(reports.get());
            request.configurationParameter("junit.platform.reporting.open.xml.enabled", "true")
                    .configurationParameter("junit.platform.reporting.output.dir", reports.get().toString());
            listeners.add(new LegacyXmlReportGeneratingListener(reports.get(), err));
            listeners.add(new OpenTestReportGeneratingListener());
        }
        LauncherDiscoveryRequest discovery = request.build();
        launcher.execute(discovery, listeners.toArray(TestExecutionListener[]::new));
        if (reports.isPresent() && !xmlName.equals(LEGACY_XML)) {
            Files.move(reports.get().resolve(LEGACY_XML), reports.get().resolve(xmlName),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        List<PitfallResult> ordered = new ArrayList<>();
        for (String id : ids) {
            PitfallResult result = results.get(id);
            if (result == null) {
                throw new IllegalStateException("the catalog did not run " + id + why(summary));
            }
            ordered.add(result);
        }
        return ordered;
    }

    /** What the Platform said went wrong outside the tests, if anything. */
    private static String why(SummaryGeneratingListener summary) {
        return summary.getSummary().getFailures().stream().findFirst()
                .map(failure -> ": " + failure.getException().getMessage()).orElse("");
    }
}
