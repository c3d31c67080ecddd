package workbook.nevercompletedfuture;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.ProgressWatchdog;
import workbook.harness.Subjects;
import workbook.harness.Trial;
import workbook.harness.Waits;

/**
 * A request thread asks for five rates, in an order drawn for the trial, and waits for each with a bounded
 * {@code get}; the rate service answers three, fails one with a {@code SocketException} and answers one with
 * something that is not a number. It holds each answer until {@code rate()} has returned (or for 400-1,200 ms), so a
 * lookup that keeps the caller is seen keeping it. A watchdog sees the caller stop; the scenario then checks that
 * nothing on the I/O pool is left that could end the wait (the service has failed, the pool it handed to the lookup
 * is idle, and the future is not done) and shows the caller parked in {@code get()}, with the exception that never
 * reached it.
 */
public final class NeverCompletedFuture implements Pitfall<RateLookup> {

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
        RateService service = new RateService(System.nanoTime(), trial.lockNames());
        Reports reports = new Reports();
        IoPool pool = new IoPool(reports);
        Thread thread = null;
        try {
            RateLookup lookup = Subjects.create(implementation, pool, service, reports);
            List<String> order = new ArrayList<>(RateService.CURRENCIES);
            Collections.shuffle(order, ThreadLocalRandom.current());
            Caller caller = new Caller(lookup, service, order);
            thread = new Thread(caller, "checkout-1");
            thread.setDaemon(true);
            service.callerIs(thread);
            thread.start();

            ProgressWatchdog watchdog = new ProgressWatchdog(
                    () -> caller.answered() + service.calls() + pool.finished(), caller::finished);
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!caller.finished()) {
                if (service.early() != null) {
                    return keptTheCaller(trial, caller, service.early());
                }
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
            if (service.early() != null) {
                return keptTheCaller(trial, caller, service.early());
            }
            return answered(trial, caller, service, pool);
        } finally {
            // A held trial keeps the caller where it waits, for jstack. Otherwise, with the evidence taken, the
            // caller is the scenario's own thread: end its wait.
            if (!trial.held()) {
                pool.shutdownNow();
                if (thread != null) {
                    thread.interrupt();
                    thread.join(END_OF_CALLER.toMillis());
                }
            }
        }
    }

    /** The caller waits on a future whose lookup has been answered or failed, and the I/O pool has nothing left. */
    private static boolean nothingCanComplete(Caller caller, RateService service, IoPool pool) {
        Caller.Pending pending = caller.pending();
        return pending != null && !pending.future().isDone() && service.asked(pending.currency()) && pool.idle();
    }

    /** The rate service answered while rate() had not returned: rate() waited for it on the caller's time. */
    private static Finding keptTheCaller(Trial trial, Caller caller, RateService.Early early) throws Exception {
        String call = "rate(\"" + early.currency() + "\")";
        Waits.until(() -> caller.returnedMillis(early.currency()) >= 0, END_OF_CALLER);
        long kept = caller.returnedMillis(early.currency());
        String how = kept >= 0
                ? String.format(Locale.ROOT, "%s kept its caller for %,d ms, until the rate service had answered it",
                        call, kept)
                : String.format(Locale.ROOT, "%s did not return within %,d ms, though the rate service had answered"
                        + " it", call, early.millisIntoCall() + END_OF_CALLER.toMillis());
        return trial.notWorking(how + "; the contract says rate() returns at once, and the lookup runs on the I/O"
                + " executor",
                new Evidence.Threads("Where " + call + " kept its caller, when the rate service"
                        + " answered (" + early.millisIntoCall() + " ms into the call)", early.caller()),
                new Evidence.Note("the rate service answers a lookup once rate() has returned, or after holding it"
                        + " for 400 to 1,200 ms: an answer before rate() returned means rate() waited at least that"
                        + " long"));
    }

    private static Finding stalled(Trial trial, Caller caller, RateService service, Reports reports, IoPool pool,
            ProgressWatchdog.Stalled stalled) {
        Caller.Pending pending = caller.pending();
        String currency = pending.currency();
        RateService.Failure failure = service.failure(currency);
        Count answered = new Count("lookups answered", RateService.CURRENCIES.size(), caller.answered());
        if (failure == null) {
            return trial.notWorking("the caller still waits for rate(\"" + currency + "\"), which the rate service"
                    + " answered with " + RateService.rateOf(currency) + " at once: the future was never completed",
                    answered, new Evidence.Threads("The caller", stalled.threads()));
        }
        long sinceFailure = failure.millisSince();
        boolean timer = hasTimer(pending.future());
        String until = timer ? "until a timeout" : "until its own timeout";
        String left = timer
                ? "nothing on it is left to complete the future; only a timer (orTimeout() or completeOnTimeout())"
                        + " will, after waiting, and with a TimeoutException or a default instead of the rate"
                        + " service's exception"
                : "so nothing is left to complete it";
        return trial.reproduced(FailureKind.HANG, String.format(Locale.ROOT,
                "the caller has waited in get() for %,d ms, and will %s, for rate(\"%s\"): fetchRate() failed at once,"
                        + " with %s, and nothing completed the future",
                sinceFailure, until, currency, failure.error()), answered,
                new Evidence.Threads("The caller, parked in CompletableFuture.get()", stalled.threads()),
                new Evidence.Note(String.format(Locale.ROOT, "the swallowed exception: fetchRate(\"%s\") threw %s on"
                        + " %s at +%d ms; %s", currency, failure.error(), failure.thread(), failure.atMillis(),
                        reports.heard(failure.error()))),
                new Evidence.Note(String.format(Locale.ROOT,
                        "the future rate(\"%s\") returned: isDone() = %s, %,d ms after the failure; the rates-io pool"
                                + " is idle (%d task%s run, none running or queued)%s %s",
                        currency, pending.future().isDone(), sinceFailure, pool.finished(),
                        pool.finished() == 1 ? "" : "s",
                        timer ? ";" : ",",
                        left)));
    }

    /**
     * Whether a timer of CompletableFuture's own (orTimeout, completeOnTimeout) waits to complete the future: it has a
     * dependent, and the JDK's delay scheduler runs ("CompletableFutureDelayScheduler" to JDK 24,
     * "ForkJoinPool.commonPool-delayScheduler" from JDK 25).
     */
    private static boolean hasTimer(CompletableFuture<?> future) {
        return future.getNumberOfDependents() > 0 && Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().toLowerCase(Locale.ROOT).contains("delayscheduler"));
    }

    /** The time is up and the caller is still busy, though not provably stuck: say what it was doing. */
    private static Finding notDone(Trial trial, Caller caller) {
        Caller.Pending pending = caller.pending();
        if (caller.inRate() != null) {
            return trial.notWorking("rate(\"" + caller.inRate() + "\") did not return within " + PATIENCE.toMillis()
                    + " ms",
                    new Evidence.Threads("Where rate(\"" + caller.inRate() + "\") was stuck",
                            caller.stack(trial.lockNames())));
        }
        if (pending == null || pending.future().isDone()) {
            return trial.notWorking("the lookups were not done within " + PATIENCE.toMillis() + " ms",
                    new Evidence.Threads("The caller", caller.stack(trial.lockNames())));
        }
        return trial.notWorking("rate(\"" + pending.currency() + "\") was still not answered after "
                + PATIENCE.toMillis() + " ms, with its lookup still running on the rates-io pool",
                new Evidence.Threads("The caller", caller.stack(trial.lockNames())));
    }

    private static Finding answered(Trial trial, Caller caller, RateService service, IoPool pool) {
        if (caller.threw() != null) {
            return trial.notWorking(caller.threw());
        }
        List<String> offPool = service.askedOffPool(pool.threadNames());
        if (!offPool.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "the rate service was asked on %s, not on the I/O executor the client was given (%s); the"
                            + " contract says the lookup runs on that executor",
                    String.join(", ", offPool), pool.threadNames().isEmpty()
                            ? "it never started a thread"
                            : "its threads: " + String.join(", ", pool.threadNames())));
        }
        for (String currency : caller.order()) {
            Caller.Answer answer = caller.answer(currency);
            RateService.Failure failure = service.failure(currency);
            String call = "rate(\"" + currency + "\")";
            if (failure == null) {
                BigDecimal rate = RateService.rateOf(currency);
                if (answer.error() != null) {
                    return trial
                            .notWorking("get() on " + call + " threw " + describe(answer.error()) + ", though the rate"
                                    + " service answered " + rate);
                }
                if (!rate.equals(answer.value())) {
                    return trial.notWorking(call + " completed with " + answer.value() + ", not the rate service's "
                            + rate);
                }
            } else if (answer.error() == null) {
                return trial.notWorking(call + " completed normally with " + answer.value() + " although fetchRate()"
                        + " failed with " + failure.error() + ": the failure was lost");
            } else if (!causedBy(answer.error(), failure.error())) {
                return trial.notWorking("get() on " + call + " threw " + describe(answer.error()) + " after "
                        + answer.waitedMillis() + " ms, and the cause was lost: fetchRate() had failed with "
                        + failure.error());
            }
        }
        List<String> failed = caller.order().stream().filter(c -> service.failure(c) != null)
                .map(c -> String.format(Locale.ROOT, "rate(\"%s\") in %d ms (get() threw %s, caused by %s)", c,
                        caller.answer(c).waitedMillis(), caller.answer(c).error().getClass().getSimpleName(),
                        service.failure(c).error()))
                .toList();
        List<String> good = caller.order().stream().filter(c -> service.failure(c) == null)
                .map(c -> "rate(\"" + c + "\") = " + caller.answer(c).value()).toList();
        return trial.clean(String.join(", ", good) + "; and the failed lookups failed at once: "
                + String.join("; ", failed),
                new Count("lookups answered", RateService.CURRENCIES.size(), caller.answered()));
    }

    /** An exception as a learner reads it; a CancellationException's own message ("get") says nothing. */
    private static String describe(Throwable error) {
        return error instanceof CancellationException
                ? "CancellationException (the future was cancelled)"
                : String.valueOf(error);
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
}
