package workbook.threadlocalbleed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import workbook.harness.CallerThread;
import workbook.harness.Delays;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.Evidence.Note;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * Sends nine requests, one after another, through a pool of two workers that hands each request to the thread the
 * last one used ({@link WorkerPool}): signed-in and anonymous requests take turns, so every anonymous request lands on
 * the thread a signed-in one has just used, and one checkout fails in the handler, so a clean-up that runs only on
 * success is caught too. The application (the scenario's handler) records who {@link CurrentUser} said each request
 * ran for. After every request the scenario asks each idle worker which user it still holds: so a clean-up done only
 * before each request is caught, and one handed to the pool as a task of its own, which runs on the other worker.
 */
public final class ThreadLocalBleed implements Pitfall<Dispatcher> {

    static final List<Request> REQUESTS = List.of(new Request(1, "GET", "/orders", "alice"),
            new Request(2, "GET", "/catalog", null), new Request(3, "GET", "/orders", "bob"),
            new Request(4, "GET", "/catalog", null), new Request(5, "POST", "/checkout", "carol"),
            new Request(6, "GET", "/catalog", null), new Request(7, "GET", "/orders", "dave"),
            new Request(8, "GET", "/catalog", null), new Request(9, "GET", "/orders", "erin"));
    /** The request whose handling fails. */
    static final String FAILING_PATH = "/checkout";
    static final Duration CALL_LIMIT = Duration.ofSeconds(1);
    static final int WORKERS = 2;
    /** The idle workers' users shown; the rest are counted. */
    static final int HOLDS_SHOWN = 2;

    @Override
    public String id() {
        return "threadlocal-bleed";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LEAK;
    }

    /** Both variants' threads end with the trial (the scenario shuts down what it started). */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<RequestDispatcher> subject() {
        return RequestDispatcher.class;
    }

    @Override
    public Finding run(Class<? extends Dispatcher> implementation, Trial trial) throws Exception {
        long start = System.nanoTime();
        WorkerPool workers = new WorkerPool(WORKERS);
        CallerThread caller = new CallerThread();
        try {
            Application application = new Application(start);
            Dispatcher dispatcher = Subjects.create(implementation, workers, application);
            List<Event> timeline = new ArrayList<>();
            int bleeds = 0;
            List<String> idleHolds = new ArrayList<>();
            for (Request request : REQUESTS) {
                Object[] outcome = new Object[1];
                CallerThread.Returned answered = caller.timed("dispatch(request #" + request.number() + ").get()",
                        CALL_LIMIT, () -> {
                            try {
                                outcome[0] = dispatcher.dispatch(request).get();
                            } catch (ExecutionException e) {
                                outcome[0] = e;
                            }
                        }, trial.lockNames());
                if (!answered.ok() && answered.evidence().isEmpty()) {
                    return answered.notWorking(trial);
                }
                if (!answered.ok()) {
                    List<Evidence> stuck = new ArrayList<>(answered.evidence());
                    stuck.add(new Evidence.Threads("The pool's workers",
                            ThreadViews.of(workers.threadIds(), trial.lockNames())));
                    return trial.notWorking(answered.problem(), stuck.toArray(Evidence[]::new));
                }
                String body = outcome[0] instanceof String answer ? answer : null;
                Throwable failure = outcome[0] instanceof ExecutionException e ? e.getCause() : null;
                Seen seen = application.seen(request.number());
                if (seen == null) {
                    return trial.notWorking("request #" + request.number() + " never reached the handler");
                }
                if (!seen.thread().startsWith("worker-")) {
                    return trial.notWorking("request #" + request.number() + " ran on " + seen.thread()
                            + ", not on the worker pool the dispatcher was given");
                }
                boolean failing = request.path().equals(FAILING_PATH);
                if (failing != (failure != null)) {
                    return trial.notWorking(failing
                            ? "request #" + request.number() + " failed in the handler, but its future returned \""
                                    + body + "\""
                            : "request #" + request.number() + " failed: " + failure);
                }
                if (request.sessionUser() != null && !seen.user().equals(Optional.of(request.sessionUser()))) {
                    return trial.notWorking("request #" + request.number() + " came with " + request.sessionUser()
                            + "'s session but ran as " + seen.user().orElse("nobody"));
                }
                String what = request.number() + " " + request.method() + " " + request.path() + " ("
                        + (request.sessionUser() == null ? "no session" : request.sessionUser() + "'s session")
                        + ") ran as " + seen.user().orElse("nobody") + (failing ? ", and failed" : "");
                if (request.sessionUser() == null && seen.user().isPresent()) {
                    bleeds++;
                    what += "  <- request #" + lastRequestOf(seen.user().get(), request.number()) + "'s user";
                }
                timeline.add(new Event(seen.atMillis(), seen.thread(), "#" + what));
                if (!workers.awaitQuiet(CALL_LIMIT)) {
                    return trial.notWorking("the pool was still busy " + CALL_LIMIT.toMillis() + " ms after request #"
                            + request.number() + " was answered",
                            new Evidence.Threads("The pool's workers",
                                    ThreadViews.of(workers.threadIds(), trial.lockNames())));
                }
                for (int worker = 0; worker < workers.size(); worker++) {
                    Optional<String> held = workers.onWorker(worker, CurrentUser::get, CALL_LIMIT);
                    if (held.isPresent()) {
                        idleHolds.add("after request #" + request.number() + ", the idle " + workers.name(worker)
                                + " still held the user " + held.get());
                    }
                }
                workers.awaitQuiet(CALL_LIMIT);
            }
            Evidence.Timeline requests = new Evidence.Timeline(
                    "The requests, one after another, on the pool's " + WORKERS + " workers", timeline);
            long anonymous = REQUESTS.stream().filter(r -> r.sessionUser() == null).count();
            if (bleeds > 0 || !idleHolds.isEmpty()) {
                String summary = bleeds > 0
                        ? String.format(Locale.ROOT,
                                "%d of %d requests without a session ran as the user of an earlier request on the "
                                        + "same pooled thread",
                                bleeds, anonymous)
                        : "no request ran as another's user, yet " + idleHolds.get(0);
                List<Evidence> evidence = new ArrayList<>(
                        List.of(new Count("requests without a session that ran as someone", 0, bleeds), requests));
                if (!idleHolds.isEmpty()) {
                    evidence.add(new Note(holds(idleHolds)));
                }
                return trial.reproduced(FailureKind.LEAK, summary, evidence.toArray(Evidence[]::new));
            }
            return trial.clean(String.format(Locale.ROOT,
                    "%d requests on %d pooled workers: each with a session ran as its user, each of the %d without "
                            + "one ran as nobody, even after a failed checkout; no idle worker ever held a user",
                    REQUESTS.size(), WORKERS, anonymous), requests);
        } finally {
            caller.close();
            workers.shutdownNow();
        }
    }

    private static String holds(List<String> idleHolds) {
        String shown = String.join("; ", idleHolds.subList(0, Math.min(HOLDS_SHOWN, idleHolds.size())));
        int more = idleHolds.size() - HOLDS_SHOWN;
        String text = Character.toUpperCase(shown.charAt(0)) + shown.substring(1);
        return more > 0 ? text + "; and " + more + " more times an idle worker held a user." : text + ".";
    }

    private static int lastRequestOf(String user, int before) {
        return REQUESTS.stream().filter(r -> r.number() < before && user.equals(r.sessionUser()))
                .mapToInt(Request::number).max().orElse(0);
    }

    /** Who a request ran as, on which thread, and when. */
    private record Seen(Optional<String> user, String thread, long atMillis) {
    }

    /** The application behind the dispatcher: answers with what the current user may see; checkout fails. */
    private static final class Application implements Handler {

        private final long start;
        private final Map<Integer, Seen> seen = new ConcurrentHashMap<>();

        Application(long start) {
            this.start = start;
        }

        @Override
        public String handle(Request request) throws InterruptedException {
            Optional<String> user = CurrentUser.get();
            seen.put(request.number(), new Seen(user, Thread.currentThread().getName(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
            // The application's own work: a few ms, so whatever the dispatcher hands the pool meanwhile finds this
            // worker busy.
            Thread.sleep(Delays.between(Duration.ofMillis(2), Duration.ofMillis(6)));
            if (request.path().equals(FAILING_PATH)) {
                throw new IllegalStateException("card declined for " + user.orElse("nobody"));
            }
            return request.path() + " for " + user.orElse("a guest");
        }

        Seen seen(int request) {
            return seen.get(request);
        }
    }
}
