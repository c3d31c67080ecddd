package workbook.staleflag;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Outcome;
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
 * happens to make HotSpot read the flag again, is not taken for a fix. A fix is CLEAN when two simulations, one after
 * the other in the same JVM, each pass: a broken one stopped in about one round in a hundred here, although C2's code
 * of its loop was in use when the flag was set.
 */
public final class StaleFlag implements Pitfall<Simulation> {

    /** How long the loop may run before C2 has compiled it; it takes tens of ms on an idle machine. */
    static final Duration WARM_UP_LIMIT = Duration.ofMillis(2_500);
    /** The compiled loop runs between none and this long (drawn) before {@code stop()}. */
    static final int MOST_EXTRA_MILLIS = 150;
    /** How long the thread is watched after {@code stop()}: three times what the contract allows. */
    static final Duration PATIENCE = Duration.ofMillis(Simulation.STOPS_WITHIN_MILLIS * 3);
    static final Duration STARTS_WITHIN = Duration.ofSeconds(1);
    /** The time a second round may need; it is not begun without it. */
    static final Duration ROUND_TIME = Duration.ofMillis(1_500);
    /**
     * The least share of the replay's speed (days per CPU ms) that counts as full speed. Measured here: 60% to 180% for
     * the fix (the warm-ups differ), 21% to 35% with a Thread.onSpinWait() per day, under 10% with a yield per day.
     */
    static final double FULL_SPEED = 0.4;
    /** What the finding of a round that stopped in time, but below {@link #FULL_SPEED}, says. */
    private static final String BELOW_FULL_SPEED = "of full speed (";

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
        Clock clock = new Clock();
        // Loaded now, so that loading it as the simulation stops does not count against its time to stop.
        new Estimate(0, 0);
        try (JitWatch jit = JitWatch.start(); CallerThread starter = new CallerThread("starter")) {
            Finding first = round(1, implementation, trial, jit, starter, clock, draw);
            // A first round that stopped in time but ran slowly may have spent much of its time warming up (seen in 2
            // of 400 trials, broken and fixed alike, at 36-40%): the second round decides, and a throttled loop is
            // slow in both.
            boolean firstSlow = belowFullSpeed(first);
            if ((first.outcome() != Outcome.CLEAN && !firstSlow) || trial.remaining().compareTo(ROUND_TIME) < 0) {
                return first;
            }
            // A second simulation, in the same JVM: its loop is compiled anew, and it must stop too.
            Finding second = round(2, implementation, trial, jit, starter, clock, draw);
            List<Evidence> evidence = new ArrayList<>(first.evidence());
            evidence.addAll(second.evidence());
            String summary;
            if (second.outcome() == Outcome.CLEAN) {
                summary = (firstSlow
                        ? "Both simulations stopped as the contract says, the second at full speed."
                        : "Both simulations stopped as the contract says.") + " Round 1: " + first.summary()
                        + ". Round 2: " + second.summary();
            } else if (firstSlow && belowFullSpeed(second)) {
                summary = "Both rounds ran below full speed. Round 1: " + first.summary() + ". Round 2: "
                        + second.summary();
            } else {
                summary = (firstSlow
                        ? "Round 2 (round 1 stopped in time, below full speed): "
                        : "Round 2 (round 1 stopped as the contract says): ") + second.summary();
            }
            return new Finding(second.outcome(), second.kind(), summary, evidence, second.evidenceAtMillis());
        }
    }

    /** Whether the round's only fault was its speed (its stop came in time, its estimate was right). */
    private static boolean belowFullSpeed(Finding round) {
        return round.outcome() == Outcome.NOT_WORKING && round.summary().contains(BELOW_FULL_SPEED);
    }

    private static Finding round(int number, Class<? extends Simulation> implementation, Trial trial, JitWatch jit,
            CallerThread starter, Clock clock, SplittableRandom draw) throws Exception {
        long seed = draw.nextLong();
        Portfolio portfolio = portfolio(draw);
        int extraMillis = draw.nextInt(MOST_EXTRA_MILLIS + 1);
        List<Evidence.Event> events = new ArrayList<>();
        String caption = "Timeline of round " + number + " (ms from the start of the trial)";
        Simulation simulation = Subjects.create(implementation, portfolio, seed);
        long startedAtUptime = JitWatch.uptimeMillis();
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

        long warmUpStart = clock.millis();
        Compiled compiled = awaitCompiled(jit, worker, startedAtUptime, trial);
        long warmUpMillis = clock.millis() - warmUpStart;
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

        Watched watched = stopAndWatch(simulation, worker, running(jit, worker, startedAtUptime), clock, jit, events);
        events.sort(Comparator.comparingLong(Evidence.Event::atMillis));
        Evidence.Timeline timeline = new Evidence.Timeline(caption, events);
        if (watched.alive() != null) {
            return stillRunning(jit, worker, watched, clock, timeline, trial);
        }
        WatchedCall<Estimate> stopping = watched.stopping();
        long stoppedAfter = watched.endedAt() - watched.stopAt();
        if (!stopping.ended()) {
            return trial.notWorking(
                    String.format(Locale.ROOT, "the simulation's thread ended %,d ms after stop()"
                            + " was called, but stop() had not returned %,d ms after", stoppedAfter,
                            PATIENCE.toMillis()),
                    timeline, new Evidence.Threads("Where stop() was stuck",
                            ThreadViews.of(List.of(stopping.thread().threadId()), trial.lockNames())));
        }
        if (stopping.thrown() != null) {
            return trial.notWorking("stop() threw " + stopping.thrown(), timeline);
        }
        long returnedAfter = clock.fromNanos(stopping.endedAt()) - watched.stopAt();
        if (Math.max(stoppedAfter, returnedAfter) > Simulation.STOPS_WITHIN_MILLIS
                && watched.latestPollMillis() >= Simulation.STOPS_WITHIN_MILLIS / 4) {
            return trial.inconclusive(String.format(Locale.ROOT, "the simulation stopped %,d ms after stop() was"
                    + " called and stop() returned after %,d ms, later than the contract's %d ms; but the machine was"
                    + " too busy to time it: the workbook's own 1 ms polls were up to %,d ms late meanwhile",
                    stoppedAfter, returnedAfter, Simulation.STOPS_WITHIN_MILLIS, watched.latestPollMillis()),
                    timeline);
        }
        if (Math.max(stoppedAfter, returnedAfter) > Simulation.STOPS_WITHIN_MILLIS) {
            return trial.notWorking(String.format(Locale.ROOT, "the simulation stopped %,d ms after stop() was"
                    + " called and stop() returned after %,d ms: the contract allows %d ms", stoppedAfter,
                    returnedAfter, Simulation.STOPS_WITHIN_MILLIS), timeline);
        }
        Work work = new Work(stopping.result(), portfolio, seed, watched.cpuAtStop());
        return judgeWork(work, watched.atStop(), stoppedAfter, worker.loop(), warmUpMillis,
                jit.available(), timeline, trial);
    }

    /**
     * What the scenario saw from {@code stop()} on; {@code alive} is null if the thread ended. {@code latestPollMillis}
     * is the longest wait between two of the scenario's 1 ms polls: how busy the machine was.
     */
    private record Watched(long stopAt, long cpuAtStop, Optional<Compiled> atStop, WatchedCall<Estimate> stopping,
            long endedAt, StillAlive alive, long latestPollMillis) {
    }

    /** The simulation's thread, seen alive at the end of the watch after {@code stop()}. */
    private record StillAlive(long millisSinceStop, long cpuMillisSinceStop, Thread.State state, String where) {
    }

    /**
     * Notes which code runs the loop, calls {@code stop()} on a thread of its own (it may never return), and watches
     * for the simulation's thread to end, for {@link #PATIENCE} at most.
     */
    private static Watched stopAndWatch(Simulation simulation, Worker worker, Optional<Compiled> atStop, Clock clock,
            JitWatch jit, List<Evidence.Event> events) throws InterruptedException {
        String whereAtStop = worker.where();
        long cpuAtStop = worker.cpuNanos();
        WatchedCall<Estimate> stopping = new WatchedCall<>("workbook-stopper", simulation::stop);
        long stopAt = clock.millis();
        stopping.start();
        events.add(new Evidence.Event(stopAt, "workbook", "stop() called; " + worker.name() + " is in " + whereAtStop
                + ", running "
                + (atStop.isPresent() ? "code " + atStop.get().describe() : "code C2 has not compiled")));

        long deadline = System.nanoTime() + PATIENCE.toNanos();
        long endedAt = -1;
        long polledAt = System.nanoTime();
        long latestPoll = 0;
        while (System.nanoTime() < deadline && (endedAt < 0 || !stopping.ended())) {
            if (endedAt < 0 && !worker.thread().isAlive()) {
                endedAt = clock.millis();
                events.add(new Evidence.Event(endedAt, worker.name(), "ended"));
            }
            Thread.sleep(1);
            latestPoll = Math.max(latestPoll, System.nanoTime() - polledAt);
            polledAt = System.nanoTime();
        }
        if (stopping.ended()) {
            events.add(new Evidence.Event(clock.fromNanos(stopping.endedAt()), "workbook-stopper",
                    stopping.thrown() == null
                            ? "stop() returned " + stopping.result()
                            : "stop() threw " + stopping.thrown()));
        }
        atStop.flatMap(code -> jit.retired(code.id())).ifPresent(retired -> {
            long at = clock.fromUptime(retired.atUptimeMillis());
            boolean leaving = retired.reason().equals("uncommon trap") && at >= stopAt - 1;
            events.add(new Evidence.Event(at, "JIT", "C2's code #" + atStop.get().id() + " of " + worker.loop()
                    + " made not entrant: " + retired.reason() + (leaving
                            ? " (the thread leaves the compiled loop by its exit, which C2 never saw taken)"
                            : "")));
        });
        StillAlive alive = null;
        if (worker.thread().isAlive()) {
            alive = new StillAlive(clock.millis() - stopAt, (worker.cpuNanos() - cpuAtStop) / 1_000_000,
                    worker.thread().getState(), worker.where());
            events.add(new Evidence.Event(stopAt + alive.millisSinceStop(), worker.name(), String.format(Locale.ROOT,
                    "still %s in %s, %,d ms of CPU used since stop()", alive.state(), alive.where(),
                    alive.cpuMillisSinceStop())));
        }
        return new Watched(stopAt, cpuAtStop, atStop, stopping, endedAt, alive, latestPoll / 1_000_000);
    }

    /** Waits until the loop the worker is in has C2 code in use; null if it has none within the limit. */
    private static Compiled awaitCompiled(JitWatch jit, Worker worker, long startedAtUptime, Trial trial)
            throws InterruptedException {
        long deadline = System.nanoTime() + Math.min(WARM_UP_LIMIT.toNanos(), trial.remaining().toNanos() / 3);
        while (System.nanoTime() < deadline && worker.thread().isAlive()) {
            if (worker.sample()) {
                Optional<Compiled> compiled = running(jit, worker, startedAtUptime);
                if (compiled.isPresent()) {
                    return compiled.get();
                }
            }
            Thread.sleep(5);
        }
        return null;
    }

    /**
     * The newest C2 code of the worker's loop that its running call can be in: code compiled for the running loop
     * (an on-stack replacement), or code of the whole method compiled before the call began. Code of the whole method
     * compiled later serves only later calls.
     */
    private static Optional<Compiled> running(JitWatch jit, Worker worker, long startedAtUptime) {
        return jit.inUse(worker.loopClass(), worker.loopMethod(), JitWatch.C2).stream()
                .filter(code -> code.osr() || code.beganAtUptimeMillis() < startedAtUptime).findFirst();
    }

    private static Finding stillRunning(JitWatch jit, Worker worker, Watched watched, Clock clock,
            Evidence.Timeline timeline, Trial trial) {
        StillAlive alive = watched.alive();
        WatchedCall<Estimate> stopping = watched.stopping();
        Optional<Compiled> atStop = watched.atStop();
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
                        clock.fromNanos(stopping.endedAt()) - watched.stopAt())
                : "stop() still waits for it";
        Thread.State state = alive.state();
        // A thread parked, sleeping or blocked in native code uses no CPU; a spinning one uses what the machine's
        // load leaves it (on a busy machine, as little as 5% of the time has been seen).
        if (state != Thread.State.RUNNABLE || cpuSince == 0) {
            return trial.notWorking(String.format(Locale.ROOT, "the simulation's thread was still alive %,d ms after"
                    + " stop(), %s in %s, with %,d ms of CPU used since (%s)", since, state, alive.where(), cpuSince,
                    caller), timeline, threads);
        }
        String code = atStop.isPresent()
                ? "When the flag was set, the loop ran code " + atStop.get().describe()
                : "When the flag was set, the loop ran code that C2 had not compiled";
        Optional<Compiled> now = atStop.filter(c -> jit.inUse(worker.loopClass(), worker.loopMethod(), JitWatch.C2)
                .stream().anyMatch(n -> n.id() == c.id()));
        return trial.reproduced(FailureKind.STALE, String.format(Locale.ROOT,
                "%s was still spinning %,d ms after stop() set the flag: RUNNABLE in %s, with %,d ms of CPU used"
                        + " since; it never saw the write (%s). %s%s",
                worker.name(), since, alive.where(), cpuSince, caller, code,
                now.isPresent() ? ", and that code is still in use" : ""), timeline, threads);
    }

    /** What {@code stop()} returned, and what it takes to check it: the days to replay, the CPU they took. */
    private record Work(Estimate estimate, Portfolio portfolio, long seed, long cpuNanos) {
    }

    private static Finding judgeWork(Work work, Optional<Compiled> atStop, long stoppedAfter, String loop,
            long warmUpMillis, boolean jitVisible, Evidence.Timeline timeline, Trial trial) {
        Estimate estimate = work.estimate();
        long cpuAtStop = work.cpuNanos();
        if (estimate == null || estimate.days() <= 0) {
            return trial.notWorking("stop() returned " + estimate + ": no days simulated", timeline);
        }
        Replay replay = Replay.of(work.portfolio(), work.seed(), estimate.days(), trial.remaining());
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
        String done = String.format(Locale.ROOT, "%,d days simulated, %,d breaches (replayed: the same), at %.0f%% of"
                + " the replay's days per CPU ms", estimate.days(), estimate.breaches(), speed * 100);
        if (speed < FULL_SPEED) {
            return trial.notWorking(String.format(Locale.ROOT, "the simulation stopped %,d ms after stop(), but it"
                    + " ran at %.1f%% " + BELOW_FULL_SPEED
                    + "%,.0f days per CPU ms, where the replay of the same days did"
                    + " %,.0f): something in its loop throttles the work the contract says runs at full speed",
                    stoppedAfter, speed * 100, perMilli(estimate.days(), cpuAtStop),
                    perMilli(estimate.days(), replay.cpuNanos())), timeline);
        }
        if (atStop.isEmpty()) {
            return trial.inconclusive(jitVisible
                    ? String.format(Locale.ROOT, "the simulation stopped %,d ms after stop(), but its loop (%s) had"
                            + " not been compiled by C2 in %,d ms of running, so a stale flag could not have shown"
                            + " (a busy machine?): %s", stoppedAfter, loop, warmUpMillis, done)
                    : "this JVM does not show its compiled code (no DiagnosticCommand MBean), so nobody can say"
                            + " whether the loop was compiled when the flag was set: " + done,
                    timeline);
        }
        return trial.clean(String.format(Locale.ROOT, "stop() was called while the loop ran code %s, and the"
                + " simulation stopped %,d ms later: %s", atStop.get().describe(), stoppedAfter, done),
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
