package workbook.pinnedvirtualthreads;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import workbook.harness.Harness;

/**
 * The data service's stand-in. It answers a fetch after the table's latency (drawn for the trial), and answers any
 * number of fetches at once, as the real service does; the answer arrives on a network thread of its own, so that the
 * fetching thread really waits for it, parked. It records every fetch: when, on which thread, and inside which static
 * initialiser, if any.
 */
final class ScriptedDataService implements DataService.Remote {

    private final Map<String, Duration> latencies;
    private final String revision;
    private final ScheduledExecutorService network = new ScheduledThreadPoolExecutor(1, Harness.threads("network"));
    private final Queue<RunReport.Fetch> fetches = new ConcurrentLinkedQueue<>();
    private volatile long releasedAt = System.nanoTime();

    ScriptedDataService(Map<String, Duration> latencies, String revision) {
        this.latencies = Map.copyOf(latencies);
        this.revision = revision;
    }

    /** What the service answers for a table: its rows, and the revision the service is at. */
    Map<String, String> content(String table) {
        int rows = 100 + Math.floorMod((table + "@" + revision).hashCode(), 900);
        return Map.of("table", table, "revision", revision, "rows", Integer.toString(rows));
    }

    /** Loads and starts what a fetch uses, so that the first request's fetch pays for none of it. */
    void warmUp() {
        CompletableFuture<Void> answer = new CompletableFuture<>();
        network.schedule(() -> answer.complete(null), 1, TimeUnit.MILLISECONDS);
        answer.join();
        initialiserOnStack();
    }

    /** The requests are let go now: the fetches' times count from here. */
    void release(long nanos) {
        releasedAt = nanos;
    }

    @Override
    public Map<String, String> fetch(String table) {
        Duration latency = latencies.get(table);
        if (latency == null) {
            throw new IllegalArgumentException("the data service has no table " + table);
        }
        Thread caller = Thread.currentThread();
        String initialiser = initialiserOnStack();
        long start = System.nanoTime();
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        network.schedule(() -> answer.complete(content(table)), latency.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return answer.join();
        } finally {
            fetches.add(new RunReport.Fetch(table, millis(start), millis(System.nanoTime()), FirstRequests.name(caller),
                    caller.isVirtual(), initialiser));
        }
    }

    List<RunReport.Fetch> fetches() {
        return List.copyOf(fetches);
    }

    long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - releasedAt);
    }

    /** The class whose static initialiser the calling thread is running, innermost first; null if none. */
    private static String initialiserOnStack() {
        return StackWalker.getInstance().walk(frames -> frames.filter(f -> f.getMethodName().equals("<clinit>"))
                .map(StackWalker.StackFrame::getClassName).findFirst().orElse(null));
    }
}
