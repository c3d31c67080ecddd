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
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Note;
import workbook.harness.Evidence.Point;
import workbook.harness.Evidence.Series;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Harness;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadLeakDetector;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * Starts a real HTTP server on 127.0.0.1 (an ephemeral port) and looks up 12 users through it, one request after
 * another, checking every body. Right after each request returns, it lists the threads that request started and
 * that are still alive (allowing a few milliseconds for threads that are already on their way out). A leak is at
 * least half of the requests leaving threads running. Counting requests, not threads alive at the end, keeps the
 * verdict independent of the garbage collector: collecting an abandoned client is the only thing that ends its
 * threads, and that takes far longer than the moment between a request's return and the count. A shared client
 * starts its threads once; a client closed after each request leaves none.
 */
public final class ClientPerRequest implements Pitfall<UserDirectory> {

    static final int REQUESTS = 12;
    static final int SAMPLE_EVERY = 2;
    /** A request to the local server takes milliseconds once the JDK's HTTP client is loaded (see warmUp). */
    static final Duration CALL_LIMIT = Duration.ofSeconds(2);
    /** How long threads a request leaves behind get to end before they count as left running. */
    static final Duration SETTLE = Duration.ofMillis(10);
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
        ExecutorService caller = Executors.newSingleThreadExecutor(Harness.threads("caller"));
        try {
            URI profiles = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            warmUp(profiles);
            UserDirectory directory = Subjects.create(implementation, profiles);
            long collectionsBefore = collections();
            ThreadLeakDetector sinceFirst = ThreadLeakDetector.snapshot();
            List<Point> points = new ArrayList<>(List.of(new Point(0, 0)));
            int leaving = 0;
            int requests = 0;
            int lastLeaving = 0;
            List<Evidence.ThreadView> lastLeft = List.of();
            while (requests < REQUESTS && !trial.outOfTime()) {
                String userId = Integer.toString(requests + 1);
                ThreadLeakDetector sinceRequest = ThreadLeakDetector.snapshot();
                Future<String> call = caller.submit(() -> directory.displayName(userId));
                String name;
                try {
                    name = call.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    return trial.notWorking("displayName(\"" + userId + "\") did not return within "
                            + CALL_LIMIT.toMillis() + " ms; the local profile service answers at once");
                } catch (ExecutionException e) {
                    return trial.notWorking("displayName(\"" + userId + "\") threw " + e.getCause());
                }
                if (!nameOf(userId).equals(name)) {
                    return trial.notWorking("displayName(\"" + userId + "\") returned \"" + name
                            + "\"; the profile service sent \"" + nameOf(userId) + "\"");
                }
                requests++;
                Set<Long> left = leftRunning(sinceRequest);
                if (!left.isEmpty()) {
                    leaving++;
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
            int alive = sinceFirst.newThreads().size();
            long collections = collections() - collectionsBefore;
            Series plot = new Series("Live threads started by the requests", "requests", "live threads", points);
            if (leaving >= (requests + 1) / 2) {
                return trial.reproduced(FailureKind.LEAK, String.format(Locale.ROOT,
                        "%d requests each got the right profile, and %d of them left their HTTP client's threads "
                                + "running: %d were alive after the last one",
                        requests, leaving, alive), plot,
                        new Count("requests that left threads running", 0, leaving),
                        new Note(collections == 0
                                ? "No garbage collection ran meanwhile: nothing ended the abandoned clients' threads."
                                : "Garbage collections during the requests: " + collections + ". A collection that "
                                        + "finds an abandoned client lets its threads end: that is where the line "
                                        + "drops. Nothing else ends them."),
                        shown(lastLeaving, lastLeft));
            }
            return trial.clean(String.format(Locale.ROOT,
                    "%d requests each got the right profile, and the client threads did not pile up: %d alive "
                            + "after the last request (%d of the requests left a thread running)",
                    requests, alive, leaving), plot);
        } finally {
            caller.shutdownNow();
            server.stop(0);
        }
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
            boolean known = id.matches("[1-9][0-9]{0,3}");
            byte[] body = (known ? nameOf(id) : "no user " + id).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(known ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
