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
    private final Queue<Call> calls = new ConcurrentLinkedQueue<>();
    private volatile long releasedAt = System.nanoTime();
    private volatile long lastActivity = releasedAt;

    ScriptedDataService(Map<String, Duration> latencies, String revision) {
        this.latencies = Map.copyOf(latencies);
        this.revision = revision;
    }

    /** What the service answers for a table: its rows, and the revision the service is at. */
    Map<String, String> content(String table) {
        return content(table, revision);
    }

    static Map<String, String> content(String table, String revision) {
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
        Call call = new Call(table, System.nanoTime(), FirstRequests.name(caller), caller.isVirtual(),
                initialiserOnStack());
        calls.add(call);
        lastActivity = call.start;
        CompletableFuture<Map<String, String>> answer = new CompletableFuture<>();
        network.schedule(() -> answer.complete(content(table)), latency.toNanos(), TimeUnit.NANOSECONDS);
        try {
            return answer.join();
        } finally {
            call.end = System.nanoTime();
            call.ended = true;
            lastActivity = call.end;
        }
    }

    /** When a fetch last began or ended, in {@link System#nanoTime()}. */
    long lastActivity() {
        return lastActivity;
    }

    /** The fetches so far; one still waiting for its answer has no end ({@code -1}). */
    List<RunReport.Fetch> fetches() {
        return calls.stream().map(call -> new RunReport.Fetch(call.table, millis(call.start),
                call.ended ? millis(call.end) : -1, call.thread, call.virtual, call.initialiser)).toList();
    }

    /** A fetch as it happens. */
    private static final class Call {
        final String table;
        final long start;
        final String thread;
        final boolean virtual;
        final String initialiser;
        volatile long end;
        volatile boolean ended;

        Call(String table, long start, String thread, boolean virtual, String initialiser) {
            this.table = table;
            this.start = start;
            this.thread = thread;
            this.virtual = virtual;
            this.initialiser = initialiser;
        }
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
