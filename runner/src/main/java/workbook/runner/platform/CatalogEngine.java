package workbook.runner.platform;

import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.discovery.EngineDiscoveryRequestResolver;
import workbook.harness.TrialLauncher;
import workbook.runner.suite.Jdk;
import workbook.runner.suite.Verification;

/**
 * The workbook's catalog as a JUnit Platform test engine: a container per pitfall, a test per variant, each test
 * passing when every one of its trials behaved as expected (the broken example reproduced its failure, the fix was
 * clean), each trial in a JVM of its own with a hard deadline. Found by the Platform as a service (a team's build),
 * or made by {@code workbook verify} with its own trial launcher and a listener of the results.
 */
public final class CatalogEngine implements TestEngine {

    public static final String ID = "workbook-catalog";

    private final TrialLauncher launcher;
    private final Consumer<Verification.PitfallResult> results;
    private final Consumer<String> progress;

    /** The engine as the Platform finds it: real trial JVMs, results only in the Platform's reports. */
    public CatalogEngine() {
        this(new TrialLauncher(), result -> {
        }, step -> {
        });
    }

    /**
     * @param results hears each pitfall's result once both its variants ran
     * @param progress hears which trial runs now
     */
    public CatalogEngine(TrialLauncher launcher, Consumer<Verification.PitfallResult> results,
            Consumer<String> progress) {
        this.launcher = launcher;
        this.results = results;
        this.progress = progress;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("dev.concurrencyworkbook");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("runner");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        CatalogSettings settings = CatalogSettings.from(request.getConfigurationParameters());
        CatalogDescriptor engine = new CatalogDescriptor(uniqueId, settings,
                settings.jdk().map(Jdk::find).orElseGet(Jdk::current));
        EngineDiscoveryRequestResolver.<CatalogDescriptor>builder()
                .addClassContainerSelectorResolver(type -> type.isAnnotationPresent(ConcurrencyCatalog.class))
                .addSelectorResolver(context -> new CatalogResolver(context.getEngineDescriptor().getUniqueId(),
                        settings))
                .build().resolve(request, engine);
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        new CatalogExecution(request, launcher, results, progress).run();
    }
}
