package workbook.missingcountdown;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.Waits;
import workbook.harness.WatchedCall;

/**
 * Four start-ups, in an order drawn for the trial: in one every cache loads, in three one cache's load throws (in
 * one of them an error, not an exception), at a place and after a time drawn for the round. The start-up thread calls {@code warmAll} and the scenario watches
 * it: once every load has ended, a right {@code warmAll} returns or throws within milliseconds. One that still waits
 * {@link #QUIET} later, parked for good, is the pitfall; one that returns as if all were loaded lost the failure; one
 * that returns while a cache is still loading, loads on its own thread, or one at a time breaks the contract.
 */
public final class MissingCountdown implements Pitfall<Warmup> {

    static final int FAILING_ROUNDS = 3;
    /** After every load has ended, warmAll waiting this long, parked without a timeout, waits for good. */
    static final Duration QUIET = Duration.ofMillis(300);
    /** A right warmAll returns within microseconds of the last load; this much later is late. */
    static final Duration PROMPT = Duration.ofMillis(200);
    /** How long a start-up is watched at most: a timed wait of a few seconds is seen to end. */
    static final Duration PATIENCE = Duration.ofSeconds(3);
    static final Duration END_OF_STARTUP = Duration.ofSeconds(1);

    @Override
    public String id() {
        return "missing-countdown";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.HANG;
    }

    /** The scenario ends the start-up thread it left waiting, and shuts down its pool. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<CacheWarmer> subject() {
        return CacheWarmer.class;
    }

    @Override
    public Finding run(Class<? extends Warmup> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        // Failing start-ups whose load throws an exception, one whose load throws an error, and one where all load.
        List<Round.Failure> failures = new ArrayList<>(Collections.nCopies(FAILING_ROUNDS - 1,
                Round.Failure.EXCEPTION));
        failures.add(random.nextInt(failures.size() + 1), Round.Failure.ERROR);
        failures.add(random.nextInt(failures.size() + 1), Round.Failure.NONE);
        WarmupPool pool = new WarmupPool();
        WatchedCall<Void> startup = null;
        boolean stuck = false;
        try {
            Proof proof = new Proof();
            for (Round.Failure failure : failures) {
                Round round = new Round(failure, random);
                Warmup warmup = Subjects.create(implementation, pool);
                startup = new WatchedCall<Void>("startup", () -> {
                    warmup.warmAll(round.caches());
                    return null;
                }).start();
                watch(startup, round, trial);
                Finding finding = judge(startup, round, pool, trial);
                if (finding != null) {
                    stuck = !startup.ended();
                    return finding;
                }
                proof.add(round, startup);
            }
            if (proof.mostAtOnce < 2) {
                return trial.notWorking(String.format(Locale.ROOT, "warmAll ran %d loads one at a time, never two at"
                        + " once, on a pool of %d threads: the contract says all at once", proof.loads,
                        WarmupPool.THREADS), new Count("loads run", proof.loads, proof.loads));
            }
            return trial.clean(proof.summary(), new Count("loads run, each once", proof.loads, proof.loads));
        } finally {
            // A held trial keeps the start-up thread where it waits, for jstack; otherwise end it, and the pool.
            if (!(stuck && trial.held())) {
                if (startup != null) {
                    startup.thread().interrupt();
                    startup.thread().join(END_OF_STARTUP.toMillis());
                }
                pool.shutdownNow();
                pool.awaitTermination(END_OF_STARTUP.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Waits until warmAll has ended, or every load has ended and warmAll has waited {@link #QUIET} since, parked
     * without a timeout, or {@link #PATIENCE} is out (a timed wait may end by itself meanwhile).
     */
    private static void watch(WatchedCall<Void> startup, Round round, Trial trial) throws InterruptedException {
        long end = System.nanoTime() + Math.min(PATIENCE.toNanos(), Math.max(0, trial.remaining().toNanos()));
        while (!startup.ended() && System.nanoTime() < end) {
            if (round.allEnded() && System.nanoTime() - round.lastEndedAt() > QUIET.toNanos()
                    && startup.thread().getState() == Thread.State.WAITING) {
                return;
            }
            Thread.sleep(1);
        }
    }

    private static Finding judge(WatchedCall<Void> startup, Round round, WarmupPool pool, Trial trial)
            throws InterruptedException {
        if (!startup.ended()) {
            return stillWaiting(startup, round, pool, trial);
        }
        long lastLoad = round.lastEndedAt();
        for (ScriptedCache cache : round.scripted()) {
            if (startup.thrown() == null && (!cache.ended() || cache.endedAt() > startup.endedAt())) {
                return trial.notWorking(String.format(Locale.ROOT, "warmAll returned while the cache \"%s\" was %s:"
                        + " the contract says it returns once every cache is loaded, and the service would take"
                        + " traffic with that cache empty", cache.name(),
                        cache.loads() == 0
                                ? "not even loading yet"
                                : "still loading"),
                        loadedCount(round));
            }
        }
        if (startup.thrown() != null) {
            // Failing fast is allowed; the loads still queued get a moment to run before the work is counted.
            Waits.until(round::allEnded, END_OF_STARTUP);
        }
        if (pool.isShutdown()) {
            return trial.notWorking("warmAll shut down the executor it was given: the contract says it leaves it"
                    + " running, as others use it");
        }
        Finding work = workDone(round, trial);
        if (work != null) {
            return work;
        }
        long after = TimeUnit.NANOSECONDS.toMillis(startup.endedAt() - lastLoad);
        ScriptedCache failing = round.failing();
        if (failing == null) {
            if (startup.thrown() != null) {
                return trial.notWorking("warmAll threw " + startup.thrown() + ", though every cache loaded");
            }
            return after > PROMPT.toMillis() ? late("returned", after, trial) : null;
        }
        if (startup.thrown() == null) {
            return trial.notWorking(String.format(Locale.ROOT, "warmAll returned as if every cache were loaded, %,d"
                    + " ms after the last load ended, but the load of \"%s\" had thrown %s: the failure was lost, and"
                    + " the service would take traffic with that cache empty", after, failing.name(),
                    failing.thrown()), loadedCount(round),
                    new Evidence.Threads("What warmAll did not pass on",
                            List.of(ThreadViews.thrown(failing.thread(), failing.thrown()))));
        }
        if (!carries(startup.thrown(), failing)) {
            return trial.notWorking(String.format(Locale.ROOT, "warmAll threw %s, which does not carry the load's"
                    + " failure (%s) nor names the cache \"%s\": whoever reads it cannot tell what failed",
                    startup.thrown(), failing.thrown(), failing.name()));
        }
        return after > PROMPT.toMillis() ? late("threw", after, trial) : null;
    }

    /** Every cache loaded once, on the executor given. */
    private static Finding workDone(Round round, Trial trial) {
        for (ScriptedCache cache : round.scripted()) {
            if (cache.loads() != 1) {
                return trial.notWorking(String.format(Locale.ROOT, "the cache \"%s\" was loaded %d times in one"
                        + " warmAll: the contract says every cache is loaded, once", cache.name(), cache.loads()),
                        loadedCount(round));
            }
            if (!cache.thread().startsWith("warmup-")) {
                return trial.notWorking(String.format(Locale.ROOT, "the cache \"%s\" was loaded on %s, not on the"
                        + " executor given (warmup-1 to warmup-%d): the contract says the loads run there",
                        cache.name(), cache.thread(), WarmupPool.THREADS));
            }
        }
        return null;
    }

    private static Finding late(String how, long after, Trial trial) {
        return trial.notWorking(String.format(Locale.ROOT, "warmAll %s %,d ms after the last load ended (a right one"
                + " takes a millisecond): it waited for something other than the loads, a timeout or a sleep,"
                + " and the contract says it ends as soon as the loads have", how, after));
    }

    /** warmAll has not ended: waiting for good (the pitfall), or for something that never comes. */
    private static Finding stillWaiting(WatchedCall<Void> startup, Round round, WarmupPool pool, Trial trial) {
        List<Evidence.ThreadView> caller = ThreadViews.of(List.of(startup.thread().threadId()), trial.lockNames());
        Evidence.ThreadView view = caller.isEmpty() ? null : caller.get(0);
        String state = view == null ? "ended" : view.state();
        if (!round.allEnded()) {
            String never = round.scripted().stream().filter(c -> !c.ended()).map(ScriptedCache::name)
                    .collect(Collectors.joining("\", \"", "\"", "\""));
            return trial.notWorking(String.format(Locale.ROOT, "warmAll has not returned after %,d ms, and the loads"
                    + " of %s never ended: the executor never ran them (a load takes at most 12 ms)",
                    PATIENCE.toMillis(), never), loadedCount(round),
                    new Evidence.Threads("The start-up thread", caller));
        }
        long since = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - round.lastEndedAt());
        ScriptedCache failing = round.failing();
        if (failing == null || state.equals("RUNNABLE")) {
            return trial.notWorking(String.format(Locale.ROOT, "warmAll is still %s %,d ms after the last of its %d"
                    + " loads ended%s: the contract says it returns as soon as they have",
                    state.equals("RUNNABLE")
                            ? "running"
                            : "waiting",
                    since, round.scripted().size(), failing == null ? ", every one of them a success" : ""),
                    loadedCount(round), new Evidence.Threads("The start-up thread", caller));
        }
        boolean timed = state.equals("TIMED_WAITING");
        List<Evidence> evidence = new ArrayList<>(List.of(loadedCount(round),
                new Evidence.Threads(
                        "The start-up thread, " + (timed ? "waiting until its timeout" : "parked for good"),
                        caller),
                new Evidence.Threads("What the load of \"" + failing.name() + "\" threw, on " + failing.thread(),
                        List.of(ThreadViews.thrown(failing.thread(), failing.thrown())))));
        evidence.add(new Evidence.Note(where(failing, pool)));
        return trial.reproduced(FailureKind.HANG, String.format(Locale.ROOT, "startup has waited in warmAll for %,d"
                + " ms since the last of %d loads ended, and %s: the load of \"%s\" threw %s, so it never counted"
                + " down, and nothing passed the failure on", since, round.scripted().size(),
                timed
                        ? "will until its timeout"
                        : "will for good (WAITING, no timeout)",
                failing.name(), failing.thrown().getClass().getSimpleName()), evidence.toArray(Evidence[]::new));
    }

    /** Where the failed load's exception went: to the pool thread's uncaught-exception handler, or nowhere. */
    private static String where(ScriptedCache failing, WarmupPool pool) {
        for (WarmupPool.Uncaught uncaught : pool.uncaught()) {
            if (uncaught.failure() == failing.thrown()) {
                return "The exception escaped the task and ended " + uncaught.thread() + "; its uncaught-exception"
                        + " handler is the only place it went (in production, a stack trace on standard error, far"
                        + " from the start-up thread that waits for it). The pool replaced the thread.";
            }
        }
        return "Nothing reported the exception: it was kept where nobody looks (a Future that nobody reads?), and the"
                + " start-up thread is not told.";
    }

    /** The thrown exception is the load's failure, has it as a cause, or names the cache. */
    private static boolean carries(Throwable thrown, ScriptedCache failing) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t == failing.thrown() || t.getMessage() != null && t.getMessage().contains(failing.name())) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed == failing.thrown()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Count loadedCount(Round round) {
        long loaded = round.scripted().stream().filter(c -> c.ended() && c.thrown() == null).count();
        return new Count("caches loaded", round.scripted().size(), loaded);
    }

    /** What the rounds that went right showed, for the CLEAN verdict. */
    private static final class Proof {
        int rounds;
        int loads;
        int mostAtOnce;
        long slowestReturn;
        final List<String> failures = new ArrayList<>();
        String thrown;

        void add(Round round, WatchedCall<Void> startup) {
            rounds++;
            loads += round.scripted().size();
            mostAtOnce = Math.max(mostAtOnce, round.mostAtOnce());
            slowestReturn = Math.max(slowestReturn, startup.endedAt() - round.lastEndedAt());
            if (round.failing() != null) {
                failures.add("\"" + round.failing().name() + "\"");
                thrown = startup.thrown().getClass().getSimpleName();
            }
        }

        String summary() {
            return String.format(Locale.ROOT, "in %d start-ups, warmAll ran %d loads, each cache's once, on warmup-1"
                    + " to warmup-%d, up to %d at once; it returned once every cache was loaded, and when a load"
                    + " failed (%s) it threw %s carrying the failure; each time within %d ms of the last load",
                    rounds, loads, WarmupPool.THREADS, mostAtOnce, String.join(", ", failures), thrown,
                    Math.max(1, TimeUnit.NANOSECONDS.toMillis(slowestReturn)));
        }
    }
}
