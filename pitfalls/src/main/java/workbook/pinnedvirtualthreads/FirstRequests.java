package workbook.pinnedvirtualthreads;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import workbook.harness.Subjects;

/**
 * The service's first requests, which {@link PinnedVirtualThreads} runs in a JVM of its own with a known number of
 * carrier threads under the virtual threads: each request, on a virtual thread of its own, asks the reference data for
 * one table, all of them at once, while JFR records the virtual threads that block pinned to their carrier. It prints
 * what happened ({@link RunReport}).
 *
 * <p>Arguments: {@code <reference data class> <revision> <patience millis> <table=latency millis,...>
 * <table asked by request 1,table asked by request 2,...>}.
 */
public final class FirstRequests {

    static final String CARRIERS_PROPERTY = "jdk.virtualThreadScheduler.parallelism";
    /** Nothing happening for this long, with requests unanswered, is requests stuck: no fetch takes half as long. */
    static final Duration QUIET = Duration.ofMillis(400);
    private static final Duration POLL = Duration.ofMillis(10);

    private FirstRequests() {
    }

    public static void main(String[] args) throws Exception {
        Class<? extends ReferenceData> type = Class.forName(args[0]).asSubclass(ReferenceData.class);
        Duration patience = Duration.ofMillis(Long.parseLong(args[2]));
        ScriptedDataService service = new ScriptedDataService(latencies(args[3]), args[1]);
        DataService.connect(service);
        service.warmUp();
        long recorderStart = System.nanoTime();
        PinnedEvents pins = PinnedEvents.start();
        long recorderMillis = pins == null ? -1 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - recorderStart);
        HealthCheck health = HealthCheck.start();
        ReferenceData tables = Subjects.create(type);

        List<String> asked = List.of(args[4].split(","));
        CountDownLatch ready = new CountDownLatch(asked.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Request request = new Request("request-" + (i + 1), asked.get(i), tables, service, ready, go);
            requests.add(request);
            request.thread.start();
        }
        ready.await();
        Instant since = Instant.now();
        long released = System.nanoTime();
        service.release(released);
        go.countDown();
        awaitRequests(requests, service, released, patience);
        boolean allDone = requests.stream().allMatch(r -> r.finished);
        long end = allDone ? requests.stream().mapToLong(r -> r.done).max().orElse(released) : System.nanoTime();
        long healthGap = health.stop(released, end);
        List<RunReport.Request> outcomes = requests.stream().map(r -> r.outcome(service)).toList();
        RunReport report = new RunReport(Integer.getInteger(CARRIERS_PROPERTY, -1), recorderMillis,
                service.millis(end), healthGap, service.fetches(), outcomes,
                pins == null ? List.of() : pins.stop(since));
        report.lines().forEach(System.out::println);
        System.out.flush();
    }

    /**
     * Waits until every request is done, or until nothing has happened for {@link #QUIET} (no fetch began or ended, no
     * request was answered: they are stuck), or until {@code patience} is spent.
     */
    private static void awaitRequests(List<Request> requests, ScriptedDataService service, long released,
            Duration patience) throws InterruptedException {
        long deadline = released + patience.toNanos();
        while (System.nanoTime() < deadline && !requests.stream().allMatch(r -> r.finished)) {
            long lastProgress = requests.stream().filter(r -> r.finished).mapToLong(r -> r.done)
                    .reduce(Math.max(released, service.lastActivity()), Math::max);
            if (System.nanoTime() - lastProgress > QUIET.toNanos()) {
                return;
            }
            Thread.sleep(POLL);
        }
    }

    /** "currencies=93,countries=121" as a map. */
    private static Map<String, Duration> latencies(String plan) {
        Map<String, Duration> latencies = new LinkedHashMap<>();
        for (String entry : plan.split(",")) {
            String[] pair = entry.split("=");
            latencies.put(pair[0], Duration.ofMillis(Long.parseLong(pair[1])));
        }
        return latencies;
    }

    /** A virtual thread's name, or its id where it has none (a virtual thread is nameless unless given one). */
    static String name(Thread thread) {
        return name(thread.getName(), thread.threadId());
    }

    static String name(String name, long id) {
        return name == null || name.isEmpty() ? "#" + id : name;
    }

    /** One request: a virtual thread that asks for its table when the requests are let go. */
    private static final class Request {
        final String name;
        final String table;
        final Thread thread;
        volatile boolean finished;
        volatile long done;
        volatile Object answer;

        Request(String name, String table, ReferenceData tables, ScriptedDataService service, CountDownLatch ready,
                CountDownLatch go) {
            this.name = name;
            this.table = table;
            this.thread = Thread.ofVirtual().name(name).unstarted(() -> {
                ready.countDown();
                try {
                    go.await();
                    answer = tables.table(table);
                } catch (Throwable e) {
                    answer = e;
                }
                done = System.nanoTime();
                finished = true;
            });
        }

        RunReport.Request outcome(ScriptedDataService service) {
            if (!finished) {
                List<String> stack = new ArrayList<>();
                for (StackTraceElement frame : thread.getStackTrace()) {
                    String text = frame.toString();
                    int slash = text.indexOf('/');
                    int paren = text.indexOf('(');
                    stack.add(slash >= 0 && slash < paren ? text.substring(slash + 1) : text);
                }
                return new RunReport.Request(name, table, -1, "still waiting", thread.getState().name(), stack);
            }
            Object got = answer;
            String outcome = got instanceof Throwable thrown
                    ? "threw " + thrown
                    : service.content(table).equals(got) ? RunReport.Request.OK : "returned " + got;
            return new RunReport.Request(name, table, service.millis(done), outcome, null, List.of());
        }
    }
}
