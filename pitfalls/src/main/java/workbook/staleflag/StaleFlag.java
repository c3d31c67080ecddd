package workbook.staleflag;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.WatchedCall;
import workbook.staleflag.JitWatch.Compiled;

/**
 * Starts a simulation, lets it run until HotSpot's optimising compiler (C2) has compiled its loop, lets the compiled
 * loop run a drawn while longer, then calls {@code stop()} and watches the simulation's thread: it must end within
 * the contract's {@value Simulation#STOPS_WITHIN_MILLIS} ms. A stale flag shows only in compiled code (the interpreter
 * reads the field every time), so the warm-up is deliberate, and the evidence says which code ran when the flag was
 * set. A simulation that stops must also have done its work: its estimate is replayed day by day from the same seed,
 * and its speed (days per CPU millisecond) compared with the replay's, so that a sleep or a yield in the loop, which
 * happens to make HotSpot read the flag again, is not taken for a fix.
 */
public final class StaleFlag implements Pitfall<Simulation> {

    /** How long the loop may run before C2 has compiled it; it takes tens of ms on an idle machine. */
    static final Duration WARM_UP_LIMIT = Duration.ofMillis(2_500);
    /** The compiled loop runs between none and this long (drawn) before {@code stop()}. */
    static final int MOST_EXTRA_MILLIS = 150;
    /** How long the thread is watched after {@code stop()}: five times what the contract allows. */
    static final Duration PATIENCE = Duration.ofMillis(Simulation.STOPS_WITHIN_MILLIS * 5);
    static final Duration STARTS_WITHIN = Duration.ofSeconds(1);
    /**
     * The least share of the replay's speed (days per CPU ms) that counts as full speed: far below what a fix does
     * (70% to 120% measured here), far above a yield or a sleep per day (under 10%).
     */
    static final double FULL_SPEED = 0.25;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Override
    public String id() {
        return "stale-flag";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.STALE;
    }

    /** The broken simulation's thread spins for good: every trial has a JVM of its own. */
    @Override
    public boolean trialsShareJvm() {
        return false;
    }

    @Override
    public Class<RiskSimulator> subject() {
        return RiskSimulator.class;
    }

    @Override
    public Finding run(Class<? extends Simulation> implementation, Trial trial) throws Exception {
        SplittableRandom draw = new SplittableRandom();
        long seed = draw.nextLong();
        Portfolio portfolio = portfolio(draw);
        int extraMillis = draw.nextInt(MOST_EXTRA_MILLIS + 1);
        Clock clock = new Clock();
        List<Evidence.Event> events = new ArrayList<>();
        try (JitWatch jit = JitWatch.start(); CallerThread starter = new CallerThread("starter")) {
            Simulation simulation = Subjects.create(implementation, portfolio, seed);
            Map<Thread, StackTraceElement[]> before = Thread.getAllStackTraces();
            CallerThread.Returned started = starter.timed("start()", STARTS_WITHIN, simulation::start,
                    trial.lockNames());
            if (!started.ok()) {
                return started.notWorking(trial);
            }
            events.add(new Evidence.Event(clock.millis(), "workbook", "start() returned"));
            Optional<Thread> found = Worker.find(implementation, before.keySet(), STARTS_WITHIN);
            if (found.isEmpty()) {
                return trial.notWorking("start() returned, but no new thread ran " + implementation.getSimpleName()
                        + "'s code within " + STARTS_WITHIN.toMillis() + " ms");
            }
            Worker worker = new Worker(found.get(), implementation);

            Compiled compiled = awaitCompiled(jit, worker, clock, trial);
            if (!worker.thread().isAlive()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "the simulation's thread ended by itself %,d ms after start(), before anyone called stop()",
                        clock.millis()));
            }
            if (compiled != null) {
                if (compiled.beganAtUptimeMillis() >= 0) {
                    events.add(new Evidence.Event(clock.fromUptime(compiled.beganAtUptimeMillis()), "C2 compiler",
                            "begins compiling " + worker.loop() + " " + compiled.details()));
                }
                events.add(new Evidence.Event(clock.millis(), "workbook",
                        "Compiler.codelist shows C2's code of " + worker.loop() + " in use; the simulation runs on"
                                + " for " + extraMillis + " ms (drawn)"));
            }
            Thread.sleep(extraMillis);

            // The moment of truth: which code runs the loop as the flag is set.
            Optional<Compiled> atStop = jit.inUse(worker.loopClass(), worker.loopMethod(), JitWatch.C2);
            String whereAtStop = worker.where();
            long cpuAtStop = worker.cpuNanos();
            long stopAt = clock.millis();
            WatchedCall<Estimate> stopping = new WatchedCall<>("workbook-stopper", simulation::stop).start();
            events.add(new Evidence.Event(stopAt, "workbook", "stop() called; " + worker.name() + " is in "
                    + whereAtStop + ", running " + (atStop.isPresent()
                            ? "code " + atStop.get().describe()
                            : "code that C2 has not compiled")));

            long deadline = System.nanoTime() + PATIENCE.toNanos();
            long endedAt = -1;
            while (System.nanoTime() < deadline && (endedAt < 0 || !stopping.ended())) {
                if (endedAt < 0 && !worker.thread().isAlive()) {
                    endedAt = clock.millis();
                    events.add(new Evidence.Event(endedAt, worker.name(), "ended"));
                }
                Thread.sleep(1);
            }
            if (stopping.ended()) {
                events.add(new Evidence.Event(clock.fromNanos(stopping.endedAt()), "workbook-stopper",
                        stopping.thrown() == null
                                ? "stop() returned " + stopping.result()
                                : "stop() threw " + stopping.thrown()));
            }
            StillAlive alive = worker.thread().isAlive()
                    ? new StillAlive(clock.millis() - stopAt, (worker.cpuNanos() - cpuAtStop) / 1_000_000,
                            worker.thread().getState(), worker.where())
                    : null;
            if (alive != null) {
                events.add(new Evidence.Event(stopAt + alive.millisSinceStop(), worker.name(), String.format(
                        Locale.ROOT, "still %s in %s, %,d ms of CPU used since stop()", alive.state(), alive.where(),
                        alive.cpuMillisSinceStop())));
            }
            events.sort(java.util.Comparator.comparingLong(Evidence.Event::atMillis));
            Evidence.Timeline timeline = new Evidence.Timeline("Timeline (ms from the start of the trial)", events);

            if (alive != null) {
                return stillRunning(jit, worker, alive, stopping, atStop, stopAt, clock, timeline, trial);
            }
            long stoppedAfter = endedAt - stopAt;
            if (!stopping.ended()) {
                return trial.notWorking(String.format(Locale.ROOT, "the simulation's thread ended %,d ms after stop()"
                        + " was called, but stop() had not returned %,d ms after", stoppedAfter, PATIENCE.toMillis()),
                        timeline, new Evidence.Threads("Where stop() was stuck",
                                ThreadViews.of(List.of(stopping.thread().threadId()), trial.lockNames())));
            }
            if (stopping.thrown() != null) {
                return trial.notWorking("stop() threw " + stopping.thrown(), timeline);
            }
            long returnedAfter = clock.fromNanos(stopping.endedAt()) - stopAt;
            if (Math.max(stoppedAfter, returnedAfter) > Simulation.STOPS_WITHIN_MILLIS) {
                return trial.notWorking(String.format(Locale.ROOT, "the simulation stopped %,d ms after stop() was"
                        + " called and stop() returned after %,d ms: the contract allows %d ms", stoppedAfter,
                        returnedAfter, Simulation.STOPS_WITHIN_MILLIS), timeline);
            }
            return judgeWork(stopping.result(), portfolio, seed, cpuAtStop, atStop, stoppedAfter, worker, timeline,
                    jit.available(), trial);
        }
    }

    /** Waits until the loop the worker is in has C2 code in use; null if it has none within the limit. */
    private static Compiled awaitCompiled(JitWatch jit, Worker worker, Clock clock, Trial trial)
            throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(WARM_UP_LIMIT.toNanos(), trial.remaining().toNanos() / 3);
        while (System.nanoTime() < deadline && worker.thread().isAlive()) {
            if (worker.sample()) {
                Optional<Compiled> compiled = jit.inUse(worker.loopClass(), worker.loopMethod(), JitWatch.C2);
                if (compiled.isPresent()) {
                    return compiled.get();
                }
            }
            Thread.sleep(5);
        }
        return null;
    }

    /** The simulation's thread, seen alive at the end of the watch after {@code stop()}. */
    private record StillAlive(long millisSinceStop, long cpuMillisSinceStop, Thread.State state, String where) {
    }

    private static Finding stillRunning(JitWatch jit, Worker worker, StillAlive alive, WatchedCall<Estimate> stopping,
            Optional<Compiled> atStop, long stopAt, Clock clock, Evidence.Timeline timeline, Trial trial) {
        long since = alive.millisSinceStop();
        long cpuSince = alive.cpuMillisSinceStop();
        List<Long> ids = new ArrayList<>(List.of(worker.thread().threadId()));
        if (!stopping.ended()) {
            ids.add(stopping.thread().threadId());
        }
        Evidence.Threads threads = new Evidence.Threads(
                "The simulation's thread, and the caller of stop() (as jstack shows them)",
                ThreadViews.of(ids, trial.lockNames()));
        String caller = stopping.ended()
                ? String.format(Locale.ROOT, "stop() returned %s after %,d ms", stopping.result(),
                        clock.fromNanos(stopping.endedAt()) - stopAt)
                : "stop() still waits for it";
        Thread.State state = alive.state();
        // A thread parked or sleeping uses next to no CPU; a spinning one uses what the machine's load leaves it.
        if (state != Thread.State.RUNNABLE || cpuSince < since / 10) {
            return trial.notWorking(String.format(Locale.ROOT, "the simulation's thread was still alive %,d ms after"
                    + " stop(), %s in %s, with %,d ms of CPU used since (%s)", since, state, alive.where(), cpuSince,
                    caller), timeline, threads);
        }
        String code = atStop.isPresent()
                ? "When the flag was set, the loop ran code " + atStop.get().describe()
                : "When the flag was set, the loop ran code that C2 had not compiled";
        Optional<Compiled> now = atStop.flatMap(
                c -> jit.inUse(worker.loopClass(), worker.loopMethod(), JitWatch.C2).filter(n -> n.id() == c.id()));
        return trial.reproduced(FailureKind.STALE, String.format(Locale.ROOT,
                "%s was still spinning %,d ms after stop() set the flag: RUNNABLE in %s, with %,d ms of CPU used"
                        + " since; it never saw the write (%s). %s%s",
                worker.name(), since, alive.where(), cpuSince, caller, code,
                now.isPresent() ? ", and that code is still in use" : ""), timeline, threads);
    }

    private static Finding judgeWork(Estimate estimate, Portfolio portfolio, long seed, long cpuAtStop,
            Optional<Compiled> atStop, long stoppedAfter, Worker worker, Evidence.Timeline timeline,
            boolean jitVisible, Trial trial) {
        if (estimate == null || estimate.days() <= 0) {
            return trial.notWorking("stop() returned " + estimate + ": no days simulated", timeline);
        }
        Replay replay = Replay.of(portfolio, seed, estimate.days(), trial.remaining());
        if (replay == null) {
            return trial.notWorking(String.format(Locale.ROOT, "stop() returned %s: more days than could be replayed"
                    + " in the trial's time, far more than its thread could have simulated", estimate), timeline);
        }
        if (replay.breaches() != estimate.breaches()) {
            return trial.notWorking(String.format(Locale.ROOT, "stop() returned %s, but those %,d days, replayed from"
                    + " the same seed, have %,d breaches: the estimate is not the one of the days simulated", estimate,
                    estimate.days(), replay.breaches()), timeline);
        }
        double speed = (double) replay.cpuNanos() / Math.max(1, cpuAtStop);
        String work = String.format(Locale.ROOT, "%,d days simulated, %,d breaches (replayed: the same), at %.0f%% of"
                + " the replay's days per CPU ms", estimate.days(), estimate.breaches(), speed * 100);
        if (speed < FULL_SPEED) {
            return trial.notWorking(String.format(Locale.ROOT, "the simulation stopped %,d ms after stop(), but it"
                    + " ran at %.1f%% of full speed (%,.0f days per CPU ms, where the replay of the same days did"
                    + " %,.0f): something in its loop throttles the work the contract says runs at full speed",
                    stoppedAfter, speed * 100, perMilli(estimate.days(), cpuAtStop),
                    perMilli(estimate.days(), replay.cpuNanos())), timeline);
        }
        if (atStop.isEmpty()) {
            return trial.inconclusive(jitVisible
                    ? String.format(Locale.ROOT, "the simulation stopped %,d ms after stop(), but its loop (%s) had"
                            + " not been compiled by C2 in %,d ms of running, so a stale flag could not have shown"
                            + " (a busy machine?): %s", stoppedAfter, worker.loop(), WARM_UP_LIMIT.toMillis(), work)
                    : "this JVM does not show its compiled code (no DiagnosticCommand MBean), so nobody can say"
                            + " whether the loop was compiled when the flag was set: " + work,
                    timeline);
        }
        return trial.clean(String.format(Locale.ROOT, "stop() was called while the loop ran code %s, and the"
                + " simulation stopped %,d ms later: %s", atStop.get().describe(), stoppedAfter, work),
                timeline);
    }

    private static double perMilli(long days, long cpuNanos) {
        return days / Math.max(1e-6, cpuNanos / 1e6);
    }

    /** A book worth 100,000 to 1,000,000 (in cents), and a limit its daily loss breaches now and then. */
    private static Portfolio portfolio(SplittableRandom draw) {
        long value = draw.nextLong(10_000_000, 100_000_000);
        long worst = value * (Portfolio.MARKET_MOVE_BP + Portfolio.OWN_MOVE_BP) / 10_000;
        return new Portfolio(value, worst * draw.nextInt(40, 90) / 100);
    }

    /** Times of the trial, in ms from its start, from the clocks of the JVM and of its log. */
    private static final class Clock {
        private final long startNanos = System.nanoTime();
        private final long startUptime = JitWatch.uptimeMillis();

        long millis() {
            return fromNanos(System.nanoTime());
        }

        long fromNanos(long nanos) {
            return (nanos - startNanos) / 1_000_000;
        }

        long fromUptime(long uptimeMillis) {
            return uptimeMillis - startUptime;
        }
    }
}
