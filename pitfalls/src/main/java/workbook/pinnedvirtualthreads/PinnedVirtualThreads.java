package workbook.pinnedvirtualthreads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import workbook.harness.ChildJvm;
import workbook.harness.Delays;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Trial;

/**
 * Runs a service's first requests ({@link FirstRequests}) in a JVM of its own whose virtual threads have
 * {@value #CARRIERS} carrier threads, as on a small container: 12 requests, each on a virtual thread, ask for the 6
 * reference tables at once, two for each table, in an order drawn anew. Each table's fetch is a remote call of 80 to
 * 150 ms (drawn anew), which the data service answers for all at once: together, the tables take about the slowest
 * fetch. JFR records every virtual thread that blocks while pinned to its carrier ({@code jdk.VirtualThreadPinned}).
 *
 * <p>Pinned is the pitfall: a virtual thread that blocked in the code under test without letting go of its carrier for
 * 20 ms or more in all (JFR's events), or requests stuck for good, parked on their carrier. With {@value #CARRIERS}
 * carriers the six fetches then run {@value #CARRIERS} at a time. A fix must have every fetch in flight at once, no
 * such pin, each table fetched once (not before a request asks for it), every request answered with the service's
 * table, and no thread left to keep the JVM alive.
 */
public final class PinnedVirtualThreads implements Pitfall<ReferenceData> {

    static final int CARRIERS = 2;
    static final int ASKS_PER_TABLE = 2;
    static final Duration FASTEST_FETCH = Duration.ofMillis(80);
    static final Duration SLOWEST_FETCH = Duration.ofMillis(150);
    /** A pin this long is a virtual thread blocked on its carrier; it is JFR's own threshold for the event. */
    static final Duration LONG_PIN = Duration.ofMillis(20);
    /** How long the requests may take: the six fetches one after another, and room for a busy machine. */
    static final Duration PATIENCE = Duration.ofMillis(1_500);
    /** Later than this past the slowest fetch, the requests waited for something else than their fetches. */
    static final Duration LATE = Duration.ofMillis(150);
    static final Duration CHILD_DEADLINE = Duration.ofSeconds(5);
    static final Duration LEAST_DEADLINE = Duration.ofMillis(2_500);
    private static final String SCHEDULER_MAX_PROPERTY = "jdk.virtualThreadScheduler.maxPoolSize";

    @Override
    public String id() {
        return "pinned-virtual-threads";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.HANG;
    }

    /** The requests run in a JVM of their own, which the scenario ends: nothing is left in the trial's. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ReferenceTables> subject() {
        return ReferenceTables.class;
    }

    @Override
    public Finding run(Class<? extends ReferenceData> implementation, Trial trial) {
        Duration deadline = trial.remaining().minusMillis(300);
        deadline = deadline.compareTo(CHILD_DEADLINE) > 0 ? CHILD_DEADLINE : deadline;
        if (deadline.compareTo(LEAST_DEADLINE) < 0) {
            return trial.inconclusive("only " + trial.remaining().toMillis() + " ms of the budget were left: too"
                    + " little to start the service's JVM and run its requests");
        }
        Map<String, Duration> latencies = new LinkedHashMap<>();
        DataService.TABLES.forEach(table -> latencies.put(table, Delays.between(FASTEST_FETCH, SLOWEST_FETCH)));
        List<String> asked = new ArrayList<>();
        for (int i = 0; i < ASKS_PER_TABLE; i++) {
            asked.addAll(DataService.TABLES);
        }
        Collections.shuffle(asked, ThreadLocalRandom.current());
        String revision = "r" + ThreadLocalRandom.current().nextInt(1_000, 10_000);
        ChildJvm.Result child = ChildJvm.run(FirstRequests.class,
                Map.of(FirstRequests.CARRIERS_PROPERTY, Integer.toString(CARRIERS), SCHEDULER_MAX_PROPERTY,
                        Integer.toString(CARRIERS)),
                List.of(implementation.getName(), revision, Long.toString(PATIENCE.toMillis()),
                        latencies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().toMillis())
                                .collect(Collectors.joining(",")),
                        String.join(",", asked)),
                deadline);
        RunReport report = RunReport.parse(child.output());
        if (report == null) {
            return noReport(child, deadline, trial);
        }
        if (report.recorderStartMillis() < 0) {
            return trial.inconclusive("JFR could not record in the service's JVM, so whether a virtual thread was"
                    + " pinned cannot be seen: " + tail(child.output()));
        }
        return new Judgement(report, latencies, revision, implementation.getName(), child, trial).verdict();
    }

    /** The service's JVM ended, or was ended, before its requests were over. */
    private static Finding noReport(ChildJvm.Result child, Duration deadline, Trial trial) {
        if (!child.exited() && child.stuck().stream().anyMatch(PinnedVirtualThreads::startingJfr)) {
            // JFR's start took a busy machine seconds (0.2-0.3 s on a quiet one): no request was judged yet.
            return trial.inconclusive("the service's JVM was still starting JFR when its " + deadline.toMillis()
                    + " ms were up: this machine is too busy to tell",
                    new Evidence.Threads("Where the service's threads were, shortly before the deadline",
                            child.stuck()));
        }
        if (!child.exited()) {
            List<Evidence> evidence = new ArrayList<>();
            if (!child.stuck().isEmpty()) {
                evidence.add(new Evidence.Threads("Where the service's threads were, shortly before the deadline",
                        child.stuck()));
            }
            return trial.notWorking("the service's first requests were not over within " + deadline.toMillis()
                    + " ms: the reference data could not even be made and asked", evidence.toArray(Evidence[]::new));
        }
        return trial.notWorking("the service's JVM ended with exit code " + child.exitCode()
                + " before its first requests were over",
                new Evidence.Note("Its last lines:\n" + tail(child.output())));
    }

    private static boolean startingJfr(Evidence.ThreadView thread) {
        return thread.stack().stream()
                .anyMatch(frame -> frame.contains("jdk.jfr.") || frame.contains("jdk.internal.jfr."));
    }

    static String tail(String output) {
        List<String> lines = output.lines().filter(line -> !line.startsWith(RunReport.PREFIX)).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 12), lines.size()));
    }
}
