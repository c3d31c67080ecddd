package workbook.nevercompletedfuture;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.ProgressWatchdog;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * A request thread asks for two rates and waits for each with a bounded {@code get}; the rate service answers the
 * first and fails the second at once. A watchdog sees the caller stop; the scenario then checks that nothing is left
 * that could end the wait (the service has failed, the I/O pool it handed to the lookup is idle, and the future is
 * not done) and shows the caller parked in {@code get()}, with the exception that never reached it.
 */
public final class NeverCompletedFuture implements Pitfall<RateLookup> {

    static final String GOOD = "USD";
    static final BigDecimal GOOD_RATE = new BigDecimal("1.0853");
    static final String FAILING = "JPY";
    /** The caller's own bound on each wait; far longer than a failed lookup should take to report back. */
    static final Duration CALLER_TIMEOUT = Duration.ofSeconds(5);
    /** The caller waiting this long with nothing moving is a stall. */
    static final Duration QUIET = Duration.ofMillis(200);
    static final Duration PATIENCE = Duration.ofSeconds(2);
    /** How long the interrupted caller may take to leave its wait. */
    static final Duration END_OF_CALLER = Duration.ofSeconds(1);

    @Override
    public String id() {
        return "never-completed-future";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.HANG;
    }

    /** The scenario shuts down the I/O pool and ends its own waiting caller. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ExchangeRates> subject() {
        return ExchangeRates.class;
    }

    @Override
    public Finding run(Class<? extends RateLookup> implementation, Trial trial) throws Exception {
        long origin = System.nanoTime();
        RateService service = new RateService(origin);
        Reports reports = new Reports();
        IoPool pool = new IoPool(reports);
        Thread thread = null;
        try {
            RateLookup lookup = Subjects.create(implementation, pool, service, reports);
            Caller caller = new Caller(lookup);
            thread = new Thread(caller, "checkout-1");
            thread.setDaemon(true);
            thread.start();

            ProgressWatchdog watchdog = new ProgressWatchdog(
                    () -> caller.answered() + service.calls() + pool.finished(), caller::finished);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!caller.finished()) {
                Duration left = Duration.ofNanos(deadline - System.nanoTime());
                if (left.isNegative() || left.isZero()) {
                    return notDone(trial, caller);
                }
                ProgressWatchdog.Watch watch = watchdog.watch(QUIET, left, List.of(thread.threadId()),
                        trial.lockNames());
                // A stall counts only when nothing is left that could end the wait; else the caller is just slow.
                if (watch instanceof ProgressWatchdog.Stalled stalled && nothingCanComplete(caller, service, pool)) {
                    return stalled(trial, caller, service, reports, pool, stalled);
                }
            }
            return answered(trial, caller, service);
        } finally {
            pool.shutdownNow();
            // The caller is the scenario's own thread: with the evidence taken, end its wait.
            if (thread != null) {
                thread.interrupt();
                thread.join(END_OF_CALLER.toMillis());
            }
        }
    }

    /** The caller waits on a future whose lookup has been answered or failed, and the I/O pool has nothing left. */
    private static boolean nothingCanComplete(Caller caller, RateService service, IoPool pool) {
        Pending pending = caller.pending();
        return pending != null && !pending.future().isDone() && service.asked(pending.currency()) && pool.idle();
    }

    private static Finding stalled(Trial trial, Caller caller, RateService service, Reports reports, IoPool pool,
            ProgressWatchdog.Stalled stalled) {
        Pending pending = caller.pending();
        if (!FAILING.equals(pending.currency()) || service.failure() == null) {
            return trial.notWorking("the caller still waits for rate(\"" + pending.currency() + "\"), which the"
                    + " rate service answered at once: the future was never completed",
                    new Evidence.Threads("The caller", stalled.threads()));
        }
        long sinceFailure = service.millisSinceFailure();
        return trial.reproduced(FailureKind.HANG, String.format(Locale.ROOT,
                "the caller has waited in get() for %,d ms, and will until its own timeout, for rate(\"%s\"): the"
                        + " rate service failed with %s at once, and nothing completed the future",
                sinceFailure, FAILING, service.failure()), new Count("lookups answered", 2, caller.answered()),
                new Evidence.Threads("The caller, parked in CompletableFuture.get()", stalled.threads()),
                new Evidence.Note(String.format(Locale.ROOT,
                        "the swallowed exception: fetchRate(\"%s\") threw %s on %s at +%d ms; %s", FAILING,
                        service.failure(), service.failedOn(), service.failedAtMillis(), reports.heard())),
                new Evidence.Note(String.format(Locale.ROOT,
                        "the future rate(\"%s\") returned: isDone() = %s, %,d ms after the failure; the rates-io pool"
                                + " is idle (%d tasks run, none running or queued), so nothing is left to complete it",
                        FAILING, pending.future().isDone(), sinceFailure, pool.finished())));
    }

    /** The time is up and the caller is still busy, though not provably stuck: say what it was doing. */
    private static Finding notDone(Trial trial, Caller caller) {
        Pending pending = caller.pending();
        if (pending == null || pending.future().isDone()) {
            return trial.notWorking("rate() did not return within " + PATIENCE.toMillis() + " ms");
        }
        return trial.notWorking("rate(\"" + pending.currency() + "\") was still not answered after "
                + PATIENCE.toMillis() + " ms, with its lookup still running on the rates-io pool");
    }

    private static Finding answered(Trial trial, Caller caller, RateService service) {
        if (caller.threw() != null) {
            return trial.notWorking("rate() threw " + caller.threw());
        }
        Answer good = caller.answer(GOOD);
        if (good == null || good.error() != null || !GOOD_RATE.equals(good.value())) {
            return trial.notWorking("rate(\"" + GOOD + "\") answered " + good + ", not " + GOOD_RATE);
        }
        Answer bad = caller.answer(FAILING);
        if (bad.error() == null) {
            return trial.notWorking("rate(\"" + FAILING + "\") completed normally with " + bad.value()
                    + " although the rate service failed with " + service.failure() + ": the failure was lost");
        }
        if (!causedBy(bad.error(), service.failure())) {
            return trial.notWorking("rate(\"" + FAILING + "\") failed with " + bad.error() + " after "
                    + bad.waitedMillis() + " ms, not with the rate service's " + service.failure()
                    + ": the cause was lost");
        }
        return trial.clean(String.format(Locale.ROOT,
                "rate(\"%s\") = %s, and rate(\"%s\") failed at once: get() threw %s after %d ms, caused by the rate"
                        + " service's %s",
                GOOD, good.value(), FAILING, bad.error().getClass().getSimpleName(), bad.waitedMillis(),
                service.failure()), new Count("lookups answered", 2, caller.answered()));
    }

    private static boolean causedBy(Throwable error, Throwable cause) {
        Throwable t = error;
        for (int depth = 0; t != null && depth < 10; depth++, t = t.getCause()) {
            if (t == cause) {
                return true;
            }
        }
        return false;
    }

    /** The future the caller waits on, and the currency it asked for. */
    private record Pending(String currency, CompletableFuture<BigDecimal> future) {
    }

    /** What one lookup gave the caller. */
    private record Answer(BigDecimal value, Throwable error, long waitedMillis) {
    }

    /** The request thread: asks for each rate and waits for it, as a real caller would, but with a bound. */
    private static final class Caller implements Runnable {

        private final RateLookup lookup;
        private final Map<String, Answer> answers = new ConcurrentHashMap<>();
        private final AtomicInteger answered = new AtomicInteger();
        private volatile Pending pending;
        private volatile Throwable threw;
        private volatile boolean finished;

        Caller(RateLookup lookup) {
            this.lookup = lookup;
        }

        @Override
        public void run() {
            try {
                for (String currency : List.of(GOOD, FAILING)) {
                    CompletableFuture<BigDecimal> rate = lookup.rate(currency);
                    pending = new Pending(currency, rate);
                    long start = System.nanoTime();
                    BigDecimal value = null;
                    Throwable error = null;
                    try {
                        value = rate.get(CALLER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (ExecutionException e) {
                        error = e;
                    } catch (TimeoutException e) {
                        error = e;
                    }
                    answers.put(currency, new Answer(value, error,
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
                    answered.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                threw = e;
            } finally {
                finished = true;
            }
        }

        int answered() {
            return answered.get();
        }

        boolean finished() {
            return finished;
        }

        Pending pending() {
            return pending;
        }

        Throwable threw() {
            return threw;
        }

        Answer answer(String currency) {
            return answers.get(currency);
        }
    }

    /** A rate service that answers one currency at once and fails the other at once. */
    private static final class RateService implements RateSource {

        private final long origin;
        private final AtomicInteger calls = new AtomicInteger();
        private final Set<String> asked = ConcurrentHashMap.newKeySet();
        private volatile IOException failure;
        private volatile long failedAt;
        private volatile String failedOn;

        RateService(long origin) {
            this.origin = origin;
        }

        @Override
        public BigDecimal fetchRate(String currency) throws IOException {
            calls.incrementAndGet();
            asked.add(currency);
            if (FAILING.equals(currency)) {
                SocketException reset = new SocketException("Connection reset");
                failedAt = System.nanoTime();
                failedOn = Thread.currentThread().getName();
                failure = reset;
                throw reset;
            }
            return GOOD_RATE;
        }

        int calls() {
            return calls.get();
        }

        boolean asked(String currency) {
            return asked.contains(currency);
        }

        IOException failure() {
            return failure;
        }

        String failedOn() {
            return failedOn;
        }

        long failedAtMillis() {
            return TimeUnit.NANOSECONDS.toMillis(failedAt - origin);
        }

        long millisSinceFailure() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - failedAt);
        }
    }

    /** The error reporter, and the last words of the pool's threads: where else the failure could have gone. */
    private static final class Reports implements ErrorReporter, Thread.UncaughtExceptionHandler {

        private final List<String> reports = new CopyOnWriteArrayList<>();
        private final List<String> uncaught = new CopyOnWriteArrayList<>();

        @Override
        public void report(String what, Throwable error) {
            reports.add(error == null ? what : what + ": " + error);
        }

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            uncaught.add(thread.getName() + " died of " + error);
        }

        String heard() {
            String logged = reports.isEmpty()
                    ? "the error reporter got nothing"
                    : "the error reporter logged it (\"" + String.join("\", \"", reports) + "\")";
            return uncaught.isEmpty()
                    ? logged + ", and then it was dropped"
                    : logged + "; it escaped the task: " + String.join(", ", uncaught);
        }
    }

    /** The I/O executor handed to the lookup: one named thread, and a count of the tasks begun and ended. */
    private static final class IoPool extends ThreadPoolExecutor {

        private final AtomicInteger submitted = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();

        IoPool(Thread.UncaughtExceptionHandler handler) {
            super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            AtomicInteger count = new AtomicInteger();
            setThreadFactory(task -> {
                Thread thread = new Thread(task, "rates-io-" + count.incrementAndGet());
                thread.setDaemon(true);
                thread.setUncaughtExceptionHandler(handler);
                return thread;
            });
        }

        @Override
        public void execute(Runnable command) {
            submitted.incrementAndGet();
            super.execute(command);
        }

        @Override
        protected void afterExecute(Runnable task, Throwable error) {
            finished.incrementAndGet();
        }

        int finished() {
            return finished.get();
        }

        boolean idle() {
            return finished.get() == submitted.get();
        }
    }
}
