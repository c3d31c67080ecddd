package workbook.clientperrequest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Note;
import workbook.harness.Evidence.Point;
import workbook.harness.Evidence.Series;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadLeakDetector;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * Starts a real HTTP server on 127.0.0.1 (an ephemeral port) and looks up 16 users through it, one request after
 * another, checking every body. One request in four, at a place drawn anew, asks for a user the service does not
 * have, and must fail with an IOException: a client closed only on the happy path leaks there. Right after each
 * request returns, it lists the threads that request started and that are still alive (allowing a few milliseconds
 * for threads that are already on their way out). A leak is at least half of the requests, or three quarters of the
 * failed ones, leaving threads running. Counting requests, not threads alive at the end, keeps the verdict
 * independent of the garbage collector: collecting an abandoned client is the only thing that ends its threads, and
 * that takes far longer than the moment between a request's return and the count. A shared client starts its
 * threads once and must end them when the directory is closed; a client closed after each request leaves none.
 */
public final class ClientPerRequest implements Pitfall<UserDirectory> {

    static final int REQUESTS = 16;
    static final int SAMPLE_EVERY = 2;
    /** One request in this many asks for a user the service does not have, and must fail with an IOException. */
    static final int FAIL_ONE_IN = 4;
    /** User ids from here on are unknown to the profile service. */
    static final int UNKNOWN_FROM = 1_000;
    /** How long the directory's threads get to end after its close(). */
    static final Duration GRACE = Duration.ofMillis(500);
    /** A request to the local server takes milliseconds once the JDK's HTTP client is loaded (see warmUp). */
    static final Duration CALL_LIMIT = Duration.ofSeconds(2);
    /**
     * How long threads a request leaves behind get to end before they count as left running. A closed client's
     * threads end within a few ms on a quiet machine; on one a third slower than usual, 10 ms was too short for 3 of 4
     * failed requests of a right fix (a client closed by try-with-resources). A leaked client's threads never end
     * (until a collection), so this costs a broken trial 50 ms a request.
     */
    static final Duration SETTLE = Duration.ofMillis(50);
    /** The stacks shown; the rest are counted. */
    static final int THREADS_SHOWN = 2;
    static final List<String> NAMES = List.of("Ada Lovelace", "Alan Turing", "Grace Hopper", "Edsger Dijkstra",
            "Barbara Liskov", "Tony Hoare", "Frances Allen", "Leslie Lamport");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public String id() {
        return "client-per-request";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LEAK;
    }

    @Override
    public Class<ProfileClient> subject() {
        return ProfileClient.class;
    }

    @Override
    public Finding run(Class<? extends UserDirectory> implementation, Trial trial) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/users/", ClientPerRequest::profile);
        server.start();
        try (CallerThread caller = new CallerThread()) {
            URI profiles = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            warmUp(profiles);
            Set<Integer> failing = failingRequests();
            long collectionsBefore = collections();
            ThreadLeakDetector sinceFirst = ThreadLeakDetector.snapshot();
            UserDirectory directory = Subjects.create(implementation, profiles);
            List<Point> points = new ArrayList<>(List.of(new Point(0, 0)));
            int leaving = 0;
            int leavingFailed = 0;
            int requests = 0;
            int lastLeaving = 0;
            List<Evidence.ThreadView> lastLeft = List.of();
            while (requests < REQUESTS && !trial.outOfTime()) {
                int request = requests + 1;
                boolean fails = failing.contains(request);
                String userId = Integer.toString(fails ? UNKNOWN_FROM + request : request);
                ThreadLeakDetector sinceRequest = ThreadLeakDetector.snapshot();
                Finding wrong = lookUp(directory, userId, fails, caller, trial);
                if (wrong != null) {
                    return wrong;
                }
                requests++;
                Set<Long> left = leftRunning(sinceRequest);
                if (!left.isEmpty()) {
                    leaving++;
                    leavingFailed += fails ? 1 : 0;
                    lastLeaving = requests;
                    lastLeft = ThreadViews.of(left, trial.lockNames());
                }
                if (requests % SAMPLE_EVERY == 0) {
                    points.add(new Point(requests, sinceFirst.newThreads().size()));
                }
            }
            if (requests < REQUESTS / 2) {
                return trial.inconclusive("the budget ran out after " + requests + " requests, too few to decide");
            }
            int failed = (int) failing.stream().filter(request -> request <= REQUESTS).count();
            int alive = sinceFirst.newThreads().size();
            long collections = collections() - collectionsBefore;
            Series plot = new Series("Live threads started by the requests", "requests", "live threads", points);
            String answered = String.format(Locale.ROOT, "%d requests each got the right profile, or the service's "
                    + "404 for the %d users it does not have", requests, failed);
            boolean everyRequest = leaving >= (requests + 1) / 2;
            if (everyRequest || (failed >= 2 && leavingFailed * 4 >= failed * 3)) {
                return trial.reproduced(FailureKind.LEAK, String.format(Locale.ROOT,
                        "%s, and %s left their HTTP client's threads running: %d were alive after the last one",
                        answered, everyRequest
                                ? leaving + " of them"
                                : leavingFailed + " of the " + failed
                                        + " that failed",
                        alive), plot,
                        new Count(everyRequest
                                ? "requests that left threads running"
                                : "failed requests that left "
                                        + "threads running",
                                0, everyRequest ? leaving : leavingFailed),
                        new Note(collections == 0
                                ? "No garbage collection ran meanwhile: nothing ended the abandoned clients' threads."
                                : "Garbage collections during the requests: " + collections + ". A collection that "
                                        + "finds an abandoned client lets its threads end: that is where the line "
                                        + "drops. Nothing else ends them."),
                        shown(lastLeaving, lastLeft));
            }
            CallerThread.Returned closed = caller.timed("close()", CALL_LIMIT, directory::close, trial.lockNames());
            if (!closed.ok()) {
                return closed.notWorking(trial);
            }
            List<Evidence.ThreadView> afterClose = sinceFirst.survivorsAfter(GRACE, trial.lockNames());
            if (!afterClose.isEmpty()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%s, and the client threads did not pile up, but %d %s the directory started %s still "
                                + "alive %,d ms after its close(); the contract says close() ends them",
                        answered, afterClose.size(), afterClose.size() == 1 ? "thread" : "threads",
                        afterClose.size() == 1 ? "is" : "are", GRACE.toMillis()), plot,
                        new Count("threads left alive after close()", 0, afterClose.size()),
                        shownAfterClose(afterClose));
            }
            return trial.clean(String.format(Locale.ROOT,
                    "%s; the client threads did not pile up: %d alive after the last request (%d of the requests "
                            + "left a thread running), and none once the directory was closed",
                    answered, alive, leaving), plot);
        } finally {
            server.stop(0);
        }
    }

    /** One lookup: null if it returned the right name, or threw an IOException for a user the service lacks. */
    private static Finding lookUp(UserDirectory directory, String userId, boolean unknown, CallerThread caller,
            Trial trial) throws InterruptedException {
        Object[] outcome = new Object[1];
        String call = "displayName(\"" + userId + "\")";
        CallerThread.Returned returned = caller.timed(call, CALL_LIMIT, () -> {
            try {
                outcome[0] = directory.displayName(userId);
            } catch (Exception e) {
                outcome[0] = e;
            }
        }, trial.lockNames());
        if (!returned.ok()) {
            return trial.notWorking(returned.problem() + "; the local profile service answers at once",
                    returned.evidence().toArray(Evidence[]::new));
        }
        if (unknown) {
            if (outcome[0] instanceof IOException) {
                return null;
            }
            return trial.notWorking(call + (outcome[0] instanceof Exception e
                    ? " threw " + e
                    : " returned " + (outcome[0] == null ? "null" : "\"" + outcome[0] + "\""))
                    + "; the profile service answered 404 (no user " + userId + "), and the contract says it "
                    + "throws IOException then");
        }
        if (outcome[0] instanceof Exception e) {
            return trial.notWorking(call + " threw " + e);
        }
        return nameOf(userId).equals(outcome[0])
                ? null
                : trial.notWorking(call + " returned " + (outcome[0] == null ? "null" : "\"" + outcome[0] + "\"")
                        + "; the profile service sent \"" + nameOf(userId) + "\"");
    }

    /** One request in every FAIL_ONE_IN, at a place drawn anew, asks for a user the service does not have. */
    private static Set<Integer> failingRequests() {
        Set<Integer> failing = new HashSet<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int first = 1; first <= REQUESTS; first += FAIL_ONE_IN) {
            // Never the first request: a shared client starts its threads there, which is no leak.
            failing.add(first == 1 ? 2 + random.nextInt(FAIL_ONE_IN - 1) : first + random.nextInt(FAIL_ONE_IN));
        }
        return failing;
    }

    /**
     * Loads and sets up the JDK's HTTP client (a second, or several on a busy machine) with a client of the
     * scenario's own, closed at once, then collects the garbage that left: the requests start from an empty young
     * generation, so a collection in the middle of them, which would end abandoned clients' threads early and make
     * the plot drop, is unlikely. The verdict does not depend on it.
     */
    private static void warmUp(URI profiles) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            client.send(HttpRequest.newBuilder(profiles.resolve("users/1")).build(),
                    HttpResponse.BodyHandlers.discarding());
        }
        System.gc();
    }

    /** The last request's leftovers, its selector first (names sort "SelectorManager" before "Worker"). */
    private static Evidence.Threads shown(int request, List<Evidence.ThreadView> left) {
        List<Evidence.ThreadView> sorted = left.stream().sorted(Comparator.comparing(Evidence.ThreadView::name))
                .toList();
        String caption = sorted.size() <= THREADS_SHOWN
                ? "The threads request #" + request + " left running"
                : THREADS_SHOWN + " of the " + sorted.size() + " threads request #" + request + " left running";
        return new Evidence.Threads(caption, sorted.subList(0, Math.min(THREADS_SHOWN, sorted.size())));
    }

    /** The threads still alive after close(), the selector first, as many as {@link #THREADS_SHOWN}. */
    private static Evidence.Threads shownAfterClose(List<Evidence.ThreadView> left) {
        List<Evidence.ThreadView> sorted = left.stream().sorted(Comparator.comparing(Evidence.ThreadView::name))
                .toList();
        return new Evidence.Threads(sorted.size() <= THREADS_SHOWN
                ? "The threads alive after close()"
                : THREADS_SHOWN + " of the " + sorted.size() + " threads alive after close()",
                sorted.subList(0, Math.min(THREADS_SHOWN, sorted.size())));
    }

    /**
     * The threads started since the snapshot and still alive once {@link #SETTLE} has let finishing ones end. The
     * wait asks only about those threads, without their stacks: it is cheap enough to run after every request.
     */
    private static Set<Long> leftRunning(ThreadLeakDetector since) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        Set<Long> left = since.newThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1);
            long[] ids = left.stream().mapToLong(Long::longValue).toArray();
            left = Arrays.stream(THREADS.getThreadInfo(ids)).filter(Objects::nonNull).map(ThreadInfo::getThreadId)
                    .collect(Collectors.toSet());
        }
        return left;
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    static String nameOf(String userId) {
        int id = Integer.parseInt(userId);
        return NAMES.get((id - 1) % NAMES.size()) + " (user " + id + ")";
    }

    /** The profile service: {@code GET /users/<id>} answers the user's display name. */
    private static void profile(HttpExchange exchange) throws IOException {
        try (exchange) {
            String id = exchange.getRequestURI().getPath().substring("/users/".length());
            boolean known = id.matches("[1-9][0-9]{0,2}");
            byte[] body = (known ? nameOf(id) : "no user " + id).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
