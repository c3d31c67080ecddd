package workbook.sharedformatter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One round of logging: each logger thread has its own planned calls (instants drawn anew, formats and parses
 * mixed in a random order), with the right answers worked out beforehand by an immutable formatter, so that a
 * logger's step does nothing but call the shared format and compare. Each logger tallies its own wrong answers.
 */
final class LogLines {

    static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    /** Instants from 2001 to 2033. */
    private static final long EARLIEST = 1_000_000_000_000L;
    private static final long LATEST = 2_000_000_000_000L;
    /** How many of the other logger's latest calls a wrong answer is shown with. */
    private static final int NEARBY = 3;

    /** What one logger saw in a round; written by that logger only, read after the round. */
    static final class Tally {
        long calls;
        long wrong;
        long threw;
        WrongAnswer firstFormat;
        WrongAnswer firstParse;
        WrongAnswer firstThrow;

        WrongAnswer first() {
            return firstFormat != null ? firstFormat : firstParse != null ? firstParse : firstThrow;
        }
    }

    private final Call[][] plans;
    private final Tally[] tallies;
    /** The call each logger has begun, so that a logger that got a wrong answer can tell what the other was doing. */
    private final AtomicIntegerArray begun;
    /** Set by the first wrong answer or throw of the round, so that the scenario can end the round there. */
    private volatile boolean wrongSeen;

    LogLines(int loggers, int minCalls, int maxCalls, SplittableRandom random) {
        int calls = random.nextInt(minCalls, maxCalls + 1);
        plans = new Call[loggers][calls];
        tallies = new Tally[loggers];
        begun = new AtomicIntegerArray(loggers);
        for (int logger = 0; logger < loggers; logger++) {
            tallies[logger] = new Tally();
            for (int i = 0; i < calls; i++) {
                long millis = random.nextLong(EARLIEST, LATEST);
                plans[logger][i] = new Call(random.nextBoolean(), millis, timestamp(millis));
            }
        }
    }

    /** A plan of one call, for one logger: to repeat a call alone. */
    static LogLines of(Call call) {
        return new LogLines(new Call[][]{{call}});
    }

    private LogLines(Call[][] plans) {
        this.plans = plans;
        tallies = new Tally[]{new Tally()};
        begun = new AtomicIntegerArray(1);
    }

    static String timestamp(long millis) {
        return REFERENCE.format(Instant.ofEpochMilli(millis));
    }

    static String logger(int worker) {
        return "logger-" + (worker + 1);
    }

    /** Whether any logger has had a wrong answer (or a throw) this round. */
    boolean wrongSeen() {
        return wrongSeen;
    }

    int calls() {
        return plans[0].length;
    }

    Tally tally(int logger) {
        return tallies[logger];
    }

    /** Logger {@code logger}'s call number {@code i}, on the format all loggers share. */
    void call(int logger, int i, TimestampFormat format) {
        Call call = plans[logger][i];
        begun.lazySet(logger, i);
        Tally tally = tallies[logger];
        tally.calls++;
        try {
            if (call.parse()) {
                long got = format.parse(call.timestamp());
                if (got != call.millis()) {
                    wrongSeen = true;
                    tally.wrong++;
                    if (tally.firstParse == null) {
                        tally.firstParse = wrong(logger, i, got, null);
                    }
                }
            } else {
                String got = format.format(call.millis());
                if (!call.timestamp().equals(got)) {
                    wrongSeen = true;
                    tally.wrong++;
                    if (tally.firstFormat == null) {
                        tally.firstFormat = wrong(logger, i, got, null);
                    }
                }
            }
        } catch (RuntimeException e) {
            wrongSeen = true;
            tally.threw++;
            if (tally.firstThrow == null) {
                tally.firstThrow = wrong(logger, i, null, e);
            }
        }
    }

    private WrongAnswer wrong(int logger, int i, Object got, Throwable thrown) {
        int other = (logger + 1) % plans.length;
        int at = begun.get(other);
        List<Call> nearby = new ArrayList<>();
        for (int j = Math.max(0, at - NEARBY + 1); j <= at; j++) {
            nearby.add(plans[other][j]);
        }
        return new WrongAnswer(logger(logger), i + 1, plans[logger][i], got, thrown, logger(other), nearby);
    }
}
