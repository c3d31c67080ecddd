package workbook.sharedformatter;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.FreshClasses;
import workbook.harness.HeldLocks;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.Trial;
import workbook.harness.WaitingCallers;

/**
 * Two logger threads share one format, as every thread of an application shares its one log format: each formats
 * and parses tens of thousands of timestamps a round, in a random order, and every answer is compared with the
 * right one ({@link LogLines}). A wrong answer, or a throw, that the same call on a fresh format does not give when
 * it runs alone is the pitfall. Meanwhile the loggers are dumped as {@code jstack} would, every half millisecond
 * ({@link HeldLocks}): a format behind one lock shows that lock held in many dumps, by each logger in turn, which its
 * contract rules out (DOES NOT WORK). Rounds repeat until a call went wrong, or until the loggers have been seen
 * calling truly in parallel often enough that a shared {@code SimpleDateFormat} would have been caught.
 */
public final class SharedFormatter implements Pitfall<TimestampFormat> {

    static final int LOGGERS = 2;
    static final int MIN_CALLS = 30_000;
    static final int MAX_CALLS = 60_000;
    static final int MIN_ROUNDS = 4;
    /** The rounds shrink, down to this share of their calls, so that {@link #MIN_ROUNDS} fit in half the budget. */
    static final double MIN_SCALE = 0.1;
    static final double ROUNDS_SHARE_OF_BUDGET = 0.5;
    /**
     * Moments of truly parallel calls after which a shared SimpleDateFormat has always answered wrong (2,000 when the
     * loggers looked every 4 calls).
     */
    static final long ENOUGH_PARALLEL = 8_000;
    static final int MIN_DUMPS = 40;
    /**
     * Loggers seen waiting inside the format in this share of the dumps take turns. Measured on 2 cores: a hand-off
     * to one formatting thread, 951 waits in 973 dumps; a spin lock, 205 in 210; a pool of formatters, whose queue's
     * lock is held only to take and give back a formatter, 0 to 4 in 246 to 456 dumps over 12 checks with another
     * process busy on one core (it was up to 149 in 272 before WaitingCallers looked at what a lock's owner does).
     */
    static final double WAITING_SHARE = 0.5;
    /**
     * The loggers look at each other's progress after every call: a call takes microseconds when compiled, tens of
     * them before, and a longer gap between looks counts as a pause.
     */
    static final int SAMPLE_EVERY = 1;
    /** Loggers seen in parallel this rarely, after the rounds, are either on a busy machine or taking turns. */
    static final long SOME_PARALLEL = 800;
    static final Duration PROBE = Duration.ofMillis(200);
    /** Two threads that only count and see each other run in parallel this often in {@link #PROBE}: an idle machine. */
    static final long MACHINE_PARALLEL = 2_000;
    static final Duration ROUND_LIMIT = Duration.ofSeconds(2);
    static final Duration GRACE = Duration.ofSeconds(1);
    private static final Duration DUMP_EVERY = Duration.ofNanos(500_000);

    @Override
    public String id() {
        return "shared-formatter";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /** A round's loggers end with it, and a format holds nothing beyond its round. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    /** It needs the loggers truly running at once, which a busy machine does not allow. */
    @Override
    public boolean needsIdleCores() {
        return true;
    }

    @Override
    public Class<LogTimestamps> subject() {
        return LogTimestamps.class;
    }

    @Override
    public Finding run(Class<? extends TimestampFormat> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        Finding alone = alone(implementation, random, trial);
        if (alone != null) {
            return alone;
        }
        // Dumps that look for java.util.concurrent locks only when the format's code uses them: such dumps walk the
        // heap with the loggers stopped. A pool's queue lock, seen in many cheap dumps, is not a wait for the work
        // (WaitingCallers looks at what its owner does).
        HeldLocks locks = HeldLocks.forCallersOf(implementation, trial.lockNames());
        WaitingCallers waits = new WaitingCallers(implementation, trial.lockNames());
        long calls = 0;
        long parallel = 0;
        int round = 0;
        double scale = 1;
        // The rounds whose parallel calls are weighed for taking turns: all of them, then only those after a suspicion.
        int roundsWeighed = 0;
        long parallelWeighed = 0;
        boolean suspected = false;
        while (!trial.outOfTime() && (round < MIN_ROUNDS || parallel < ENOUGH_PARALLEL || locks.dumps() < MIN_DUMPS)) {
            if (roundsWeighed >= MIN_ROUNDS && parallelWeighed < SOME_PARALLEL) {
                // Hardly ever in parallel: a busy machine, or a format that makes its callers take turns?
                long machine = Stress.machineParallelism(LOGGERS, PROBE);
                if (machine >= MACHINE_PARALLEL && suspected) {
                    return inTurn(calls, parallel, round, machine, trial);
                }
                // Once is not enough: in a new JVM a right format has had 4 rounds in a row without one parallel call
                // (the JIT compiling on the other core), then a probe on an idle machine. Only rounds as low again,
                // after another such probe, make it a verdict.
                suspected = machine >= MACHINE_PARALLEL;
                roundsWeighed = 0;
                parallelWeighed = 0;
            }
            round++;
            long roundStart = System.nanoTime();
            LogLines lines = new LogLines(LOGGERS, (int) (MIN_CALLS * scale), (int) (MAX_CALLS * scale), random);
            TimestampFormat format = Subjects.create(implementation);
            Duration limit = trial.remaining().compareTo(ROUND_LIMIT) < 0 ? trial.remaining() : ROUND_LIMIT;
            Stress logging = Stress.start("logger", LOGGERS, lines.calls(), limit, SAMPLE_EVERY,
                    (logger, i) -> lines.call(logger, (int) i, format));
            long end = System.nanoTime() + limit.toNanos();
            while (!logging.done() && System.nanoTime() < end) {
                if (lines.wrongSeen()) {
                    logging.stop(); // the round has its evidence: no need to wait for its last call
                }
                waits.tally(locks.sample(logging.threadIds()));
                LockSupport.parkNanos(DUMP_EVERY.toNanos());
            }
            Stress.Result result = logging.await(GRACE);
            locks.endRound();
            if (!result.stuck().isEmpty()) {
                return trial.notWorking(String.join(", ", result.stuck()) + " never returned from the format",
                        new Evidence.Threads("Where they were stuck", result.stuckThreads()));
            }
            long roundCalls = 0;
            long wrong = 0;
            long threw = 0;
            WrongAnswer first = null;
            WrongAnswer firstThrow = null;
            for (int logger = 0; logger < LOGGERS; logger++) {
                LogLines.Tally tally = lines.tally(logger);
                roundCalls += tally.calls;
                wrong += tally.wrong;
                threw += tally.threw;
                first = better(first, tally.first());
                firstThrow = firstThrow == null ? tally.firstThrow : firstThrow;
            }
            if (first != null) {
                return raced(implementation, first, firstThrow, roundCalls, wrong, threw, round, trial);
            }
            calls += roundCalls;
            parallel += result.parallel();
            roundsWeighed++;
            parallelWeighed += result.parallel();
            scale = nextScale(scale, System.nanoTime() - roundStart, trial);
            Optional<HeldLocks.Lock> one = locks.oneLock();
            if (locks.dumps() >= MIN_DUMPS && one.isPresent() && one.get().heldInTurn(locks.dumps())) {
                return tookTurns(calls, round, one.get(), locks, trial);
            }
            if (waits.dumps() >= MIN_DUMPS && waits.waiting() >= WAITING_SHARE * waits.dumps()) {
                return waited(calls, round, waits, trial);
            }
        }
        if (round >= MIN_ROUNDS && parallel >= ENOUGH_PARALLEL && locks.dumps() >= MIN_DUMPS) {
            return trial.clean(String.format(Locale.ROOT,
                    "in %d rounds (a new format each) logger-1 and logger-2 made %,d calls, seen calling in parallel"
                            + " %,d times: every timestamp formatted and every one parsed was right, and no one lock"
                            + " held them up: in %d thread dumps with both at work, one was waiting inside the format in %d",
                    round, calls, parallel, waits.dumps(), waits.waiting()),
                    new Count("calls answered right", calls, calls));
        }
        return trial.inconclusive(String.format(Locale.ROOT,
                "every call was answered right, but in %,d ms the loggers were seen calling in parallel only %,d times"
                        + " in %d rounds (%,d needed, in at least %d rounds), with %d thread dumps: this machine is"
                        + " too busy to tell",
                trial.elapsedMillis(), parallel, round, ENOUGH_PARALLEL, MIN_ROUNDS, locks.dumps()));
    }

    /**
     * The share of the usual calls the next round makes: fewer when this machine ran the last round so slowly (a
     * busy machine, thread dumps that stop the world) that {@link #MIN_ROUNDS} would not fit in half the budget.
     */
    static double nextScale(double scale, long roundNanos, Trial trial) {
        double fits = trial.budget().toNanos() * ROUNDS_SHARE_OF_BUDGET / MIN_ROUNDS / Math.max(1, roundNanos);
        return Math.max(MIN_SCALE, Math.min(1, scale * fits));
    }

    /** A format that answers wrong with one caller is wrong, not racy: it is shown so, before any race is sought. */
    private static Finding alone(Class<? extends TimestampFormat> implementation, SplittableRandom random,
            Trial trial) {
        LogLines lines = new LogLines(1, 200, 200, random);
        TimestampFormat format = Subjects.create(implementation);
        for (int i = 0; i < lines.calls(); i++) {
            lines.call(0, i, format);
        }
        WrongAnswer wrong = lines.tally(0).first();
        if (wrong == null) {
            return null;
        }
        return trial.notWorking(wrong.call().show() + " " + answer(wrong) + " with no other thread calling the "
                + "format; " + right(wrong.call()) + (wrong.thrown() == null ? "" : "\n" + stack(wrong.thrown(), 8)));
    }

    /** The first logger's wrong answer, unless the second has a clearer one: a wrong timestamp, then a throw. */
    private static WrongAnswer better(WrongAnswer current, WrongAnswer candidate) {
        if (current == null) {
            return candidate;
        }
        if (candidate == null) {
            return current;
        }
        return rank(candidate) < rank(current) ? candidate : current;
    }

    private static int rank(WrongAnswer answer) {
        return answer.thrown() != null ? 2 : answer.call().parse() ? 1 : 0;
    }

    private static Finding raced(Class<? extends TimestampFormat> implementation, WrongAnswer first,
            WrongAnswer firstThrow, long calls, long wrong, long threw, int round, Trial trial) {
        WrongAnswer again = again(implementation, first.call());
        if (again != null) {
            return trial.notWorking(first.logger() + " called " + first.call().show() + " and it " + answer(first)
                    + "; called again alone, on a new format of its class loaded anew, it " + answer(again) + ": "
                    + right(first.call()));
        }
        Count right = new Count("calls answered right", calls, calls - wrong - threw);
        String summary = String.format(Locale.ROOT,
                "%s called %s and it %s, while %s was calling the same format. In round %d, %,d of %,d calls"
                        + " answered wrong and %,d threw; called alone, on a new format, the same call answers right",
                first.logger(), first.call().show(), answer(first), first.otherLogger(), round, wrong, calls,
                threw);
        Evidence thrown = firstThrow == null || firstThrow == first
                ? new Evidence.Note("No call threw.")
                : new Evidence.Note("The first call that threw: " + firstThrow.logger() + "'s "
                        + firstThrow.call().show() + " threw " + firstThrow.thrown() + "\n"
                        + stack(firstThrow.thrown(), 5));
        return trial.reproduced(FailureKind.RACE, summary, right, new Evidence.Note(SideBySide.of(first)), thrown,
                new Evidence.Note("The format keeps the call's work in its own fields (a SimpleDateFormat sets its one"
                        + " Calendar to the instant, then reads the fields back; parse fills the same Calendar):"
                        + " when two threads call it at once, each one's work overwrites the other's."));
    }

    /**
     * The same call on a new format, alone, of its class loaded anew: a format that keeps its state in a static field
     * shares it with the formats of its class, and the race that broke that state would answer wrong again. Null if it
     * answers right.
     */
    private static WrongAnswer again(Class<? extends TimestampFormat> implementation, Call call) {
        LogLines alone = LogLines.of(call);
        alone.call(0, 0, Subjects.create(fresh(implementation)));
        return alone.tally(0).first();
    }

    /** The class loaded anew, with statics of its own; the class itself if its bytes cannot be found again. */
    private static Class<? extends TimestampFormat> fresh(Class<? extends TimestampFormat> implementation) {
        try {
            return new FreshClasses(implementation).load().asSubclass(TimestampFormat.class);
        } catch (ClassNotFoundException | RuntimeException e) {
            return implementation;
        }
    }

    private static Finding tookTurns(long calls, int round, HeldLocks.Lock lock, HeldLocks locks, Trial trial) {
        return trial.notWorking(String.format(Locale.ROOT,
                "every one of %,d calls was answered right, but the loggers took turns: in %d thread dumps over %s"
                        + " (a new format each), the format's one %s was held %d times, by %s in turn. The"
                        + " contract says no caller waits for another's call; one lock around the format makes every"
                        + " thread of the application log in line",
                calls, locks.dumps(), rounds(round), lock.type(), lock.timesHeld(),
                String.join(", ", new TreeSet<>(lock.holders()))),
                new Count("calls answered right", calls, calls),
                new Evidence.Threads("A logger holding the format's " + lock.type(), lock.seen()));
    }

    private static Finding waited(long calls, int round, WaitingCallers waits, Trial trial) {
        Evidence.ThreadView first = waits.first();
        return trial.notWorking(String.format(Locale.ROOT,
                "every one of %,d calls was answered right, but the loggers took turns: in %d of %d thread dumps over"
                        + " %s, a logger was waiting inside the format (%s%s) instead of formatting. The"
                        + " contract says no caller waits for another's call",
                calls, waits.waiting(), waits.dumps(), rounds(round), first.state(),
                first.waitingOn() != null
                        ? ", on " + first.waitingOn()
                        : first.state().equals("RUNNABLE") ? ", spinning until the other is done" : ""),
                new Count("calls answered right", calls, calls),
                new Evidence.Threads("A logger waiting inside the format", List.of(first)));
    }

    private static Finding inTurn(long calls, long parallel, int round, long machine, Trial trial) {
        return trial.notWorking(String.format(Locale.ROOT,
                "every one of %,d calls was answered right, but in %s the loggers were seen calling in parallel"
                        + " only %,d times, while two threads doing nothing but count ran in parallel %,d times in %d"
                        + " ms on this machine: the format makes its callers take turns (a lock, or one thread that"
                        + " does every call). The contract says no caller waits for another's call",
                calls, rounds(round), parallel, machine, PROBE.toMillis()),
                new Count("calls answered right", calls, calls));
    }

    private static String rounds(int rounds) {
        return rounds == 1 ? "1 round" : rounds + " rounds";
    }

    static String answer(WrongAnswer wrong) {
        if (wrong.thrown() != null) {
            return "threw " + wrong.thrown();
        }
        return wrong.call().parse()
                ? "returned " + wrong.got() + " (" + LogLines.timestamp((Long) wrong.got()) + ")"
                : "returned \"" + wrong.got() + "\"";
    }

    private static String right(Call call) {
        return call.parse()
                ? "the right answer is " + call.millis()
                : "the right answer is \"" + call.timestamp() + "\"";
    }

    /** The top frames of a throw, from where it was thrown (not where the exception was made). */
    static String stack(Throwable thrown, int frames) {
        return Arrays.stream(thrown.getStackTrace())
                .dropWhile(frame -> frame.getClassName().equals(thrown.getClass().getName())).limit(frames)
                .map(frame -> "    at " + frame)
                .collect(Collectors.joining("\n"));
    }
}
