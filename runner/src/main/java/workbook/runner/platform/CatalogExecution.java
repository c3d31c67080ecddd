package workbook.runner.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import workbook.harness.Pitfall;
import workbook.harness.Processes;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.runner.suite.FixtureChecks;
import workbook.runner.suite.Jdk;
import workbook.runner.suite.Machine;
import workbook.runner.suite.SideBySide;
import workbook.runner.suite.Stats;
import workbook.runner.suite.Verification;
import workbook.runner.suite.Verification.VariantResult;

/**
 * One run of the catalog's tests: the pitfalls side by side ({@link SideBySide}), the variants of each one after the
 * other, every event reported as it happens (one at a time: the Platform's listeners are not all thread-safe).
 */
final class CatalogExecution {

    /** The system properties that say where the trials ran, set for the run: the JUnit XML lists them. */
    static final String PROPERTY_PREFIX = "workbook.";

    private final ExecutionRequest request;
    private final TrialLauncher launcher;
    private final Consumer<Verification.PitfallResult> results;
    private final Consumer<String> progress;
    private final EngineExecutionListener events;

    CatalogExecution(ExecutionRequest request, TrialLauncher launcher, Consumer<Verification.PitfallResult> results,
            Consumer<String> progress) {
        this.request = request;
        this.launcher = launcher;
        this.results = results;
        this.progress = progress;
        this.events = new OneAtATime(request.getEngineExecutionListener());
    }

    void run() {
        CatalogDescriptor root = (CatalogDescriptor) request.getRootTestDescriptor();
        events.executionStarted(root);
        try {
            CatalogSettings settings = root.settings();
            Jdk jdk = root.jdk();
            Map<String, String> machine = machine(jdk);
            machine.forEach((key, value) -> System.setProperty(PROPERTY_PREFIX + key, value));
            events.reportingEntryPublished(root, ReportEntry.from(machine));
            TrialLauncher trials = launcher.onJdk(jdk.home());
            runAll(root, new Verification(trials, settings.budget(), settings.reuseJvm()),
                    new FixtureChecks(trials, settings.budget()), settings);
            events.executionFinished(root, TestExecutionResult.successful());
        } catch (RuntimeException e) {
            events.executionFinished(root, TestExecutionResult.failed(e));
        }
    }

    /** Where the trials run: the JDK (vendor, version, folder), the OS, the cores and the load average now. */
    static Map<String, String> machine(Jdk jdk) {
        Machine here = Machine.now();
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("jdk.version", jdk.version());
        machine.put("jdk.vendor", jdk.vendor());
        machine.put("jdk.home", jdk.home().toString());
        machine.put("os", here.os() + " " + here.arch());
        machine.put("cores", Integer.toString(here.cores()));
        machine.put("load", here.loadBefore() < 0 ? "unknown" : String.format(Locale.ROOT, "%.2f", here.loadBefore()));
        return machine;
    }

    private void runAll(TestDescriptor root, Verification verification, FixtureChecks fixtureChecks,
            CatalogSettings settings) {
        List<PitfallDescriptor> pitfalls = root.getChildren().stream().map(PitfallDescriptor.class::cast).toList();
        List<Pitfall<?>> inTurn = SideBySide.inTurnOrder(pitfalls.stream().<Pitfall<?>>map(PitfallDescriptor::pitfall)
                .toList());
        try (SideBySide runners = new SideBySide(settings.jobs())) {
            List<Future<?>> running = new ArrayList<>();
            for (Pitfall<?> pitfall : inTurn) {
                PitfallDescriptor descriptor = pitfalls.stream().filter(d -> d.pitfall() == pitfall).findFirst()
                        .orElseThrow();
                running.add(runners.submit(pitfall, () -> {
                    runPitfall(descriptor, verification, fixtureChecks, settings.trials());
                    return null;
                }));
            }
            for (Future<?> pitfall : running) {
                pitfall.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the catalog ran", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private void runPitfall(PitfallDescriptor pitfall, Verification verification, FixtureChecks fixtureChecks,
            int trials) {
        events.executionStarted(pitfall);
        Map<Variant, VariantResult> done = new EnumMap<>(Variant.class);
        List<FixtureDescriptor> fixtures = new ArrayList<>();
        for (TestDescriptor child : pitfall.getChildren()) {
            if (child instanceof FixtureDescriptor fixture) {
                fixtures.add(fixture);
                continue;
            }
            VariantDescriptor variant = (VariantDescriptor) child;
            events.executionStarted(variant);
            try {
                VariantResult result = verification.run(pitfall.pitfall(), variant.variant(), trials, progress);
                done.put(variant.variant(), result);
                events.reportingEntryPublished(variant, ReportEntry.from(counts(result)));
                events.executionFinished(variant, result.allAsExpected()
                        ? TestExecutionResult.successful()
                        : TestExecutionResult.failed(SurprisingVerdicts.of(pitfall.pitfall(), result)));
            } catch (RuntimeException e) {
                events.executionFinished(variant, TestExecutionResult.failed(e));
            }
        }
        List<FixtureChecks.Checked> checked = checkFixtures(pitfall.pitfall(), fixtures, fixtureChecks);
        events.executionFinished(pitfall, TestExecutionResult.successful());
        if (done.size() == 2) {
            Pitfall<?> p = pitfall.pitfall();
            results.accept(new Verification.PitfallResult(p.id(), p.kind(), done.get(Variant.BROKEN),
                    done.get(Variant.FIXED), checked));
        }
    }

    /**
     * Checks the fixtures together (those of a pitfall whose trials share a JVM take their turns in one), each test
     * running from the first check's start to its own verdict.
     */
    private List<FixtureChecks.Checked> checkFixtures(Pitfall<?> pitfall, List<FixtureDescriptor> fixtures,
            FixtureChecks checks) {
        if (fixtures.isEmpty()) {
            return List.of();
        }
        fixtures.forEach(events::executionStarted);
        progress.accept(pitfall.id() + " wrong-fix fixtures (" + fixtures.size() + ")");
        Path builds = null;
        try {
            builds = Files.createTempDirectory("workbook-fixtures-");
            List<FixtureChecks.Checked> checked = checks.run(pitfall,
                    fixtures.stream().map(FixtureDescriptor::fixture).toList(), builds, line -> {
                    });
            for (int i = 0; i < fixtures.size(); i++) {
                FixtureChecks.Checked check = checked.get(i);
                events.reportingEntryPublished(fixtures.get(i), ReportEntry.from("verdict",
                        check.report().result().label));
                events.executionFinished(fixtures.get(i), check.asExpected()
                        ? TestExecutionResult.successful()
                        : TestExecutionResult.failed(new AssertionError(check.fixture().name() + ": "
                                + check.surprise())));
            }
            return checked;
        } catch (IOException | RuntimeException e) {
            fixtures.forEach(f -> events.executionFinished(f, TestExecutionResult.failed(e)));
            return List.of();
        } finally {
            Processes.deleteQuietly(builds);
        }
    }

    /** A variant's counts and timings, as the reports' output of its test. */
    private static Map<String, String> counts(VariantResult result) {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("trials", Integer.toString(result.trials()));
        counts.put("asExpected", Integer.toString(result.expected()));
        counts.put("outcomes", result.outcomes().toString());
        counts.put("trialsPerJvm", result.sharedJvm() ? Integer.toString(Verification.BATCH_SIZE) : "1");
        if (!result.evidenceMillis().isEmpty()) {
            Stats evidence = Stats.of(result.evidenceMillis());
            counts.put("evidenceMillis", "median " + evidence.median() + ", p95 " + evidence.p95() + ", max "
                    + evidence.max());
        }
        counts.put("trialMillisMedian", Long.toString(Stats.of(result.trialMillis()).median()));
        return counts;
    }

    /** A listener that hears one event at a time, whichever thread reports it. */
    private static final class OneAtATime implements EngineExecutionListener {
        private final EngineExecutionListener listener;

        OneAtATime(EngineExecutionListener listener) {
            this.listener = listener;
        }

        @Override
        public synchronized void dynamicTestRegistered(TestDescriptor descriptor) {
            listener.dynamicTestRegistered(descriptor);
        }

        @Override
        public synchronized void executionSkipped(TestDescriptor descriptor, String reason) {
            listener.executionSkipped(descriptor, reason);
        }

        @Override
        public synchronized void executionStarted(TestDescriptor descriptor) {
            listener.executionStarted(descriptor);
        }

        @Override
        public synchronized void executionFinished(TestDescriptor descriptor, TestExecutionResult result) {
            listener.executionFinished(descriptor, result);
        }

        @Override
        public synchronized void reportingEntryPublished(TestDescriptor descriptor, ReportEntry entry) {
            listener.reportingEntryPublished(descriptor, entry);
        }
    }
}
