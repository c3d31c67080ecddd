package workbook.earlybufferrelease;

import java.nio.BufferOverflowException;
import java.nio.BufferUnderflowException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import workbook.harness.CallerThread;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.HeldPool;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * Ships 10 log lines (drawn anew every trial) one after another. The writer pool is busy ({@link HeldPool}): it
 * starts the writes only after a few of the ship() calls (3 to 7, drawn anew) have returned, then runs them on 2
 * writers while the rest are shipped. The buffer pool hands out the buffer given back last, and the collector reads
 * each payload in two halves, a millisecond or two apart. Every line must arrive whole and once, on the writer pool;
 * ship() must return at once; every buffer taken must go back to the pool, once. Then the writer pool is shut down
 * and one more line shipped: the pool refuses it, ship() must say so (the pool's RejectedExecutionException), and its
 * buffer must go back too.
 */
public final class EarlyBufferRelease implements Pitfall<Shipper> {

    static final List<String> SERVICES = List.of("checkout", "payments", "search", "catalog", "basket", "shipping");
    static final List<String> EVENTS = List.of("order placed", "card declined", "stock reserved", "refund issued",
            "address changed", "parcel handed over", "coupon applied");
    static final int LINES = 10;
    static final int WRITERS = 2;
    static final Duration CALL_LIMIT = Duration.ofSeconds(1);
    static final Duration WRITE_LIMIT = Duration.ofSeconds(2);
    static final int SHOWN = 3;

    @Override
    public String id() {
        return "early-buffer-release";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /** Both variants' threads end with the trial (the scenario shuts down the pool it gave). */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<PooledShipper> subject() {
        return PooledShipper.class;
    }

    @Override
    public Finding run(Class<? extends Shipper> implementation, Trial trial) throws Exception {
        List<String> lines = lines();
        int writesStartAfter = ThreadLocalRandom.current().nextInt(3, 8);
        CountingPool buffers = new CountingPool();
        HeldPool writers = new HeldPool("writer", WRITERS);
        Collector collector = new Collector();
        try (CallerThread caller = new CallerThread()) {
            Shipper shipper = Subjects.create(implementation, buffers, writers, collector);
            CallerThread.Returned returned = caller.timed(LINES + " ship() calls", CALL_LIMIT, () -> {
                for (int i = 0; i < lines.size(); i++) {
                    shipper.ship(lines.get(i));
                    if (i + 1 == writesStartAfter) {
                        writers.release();
                    }
                }
            }, trial.lockNames());
            int handed = writers.handed();
            writers.release();
            if (!returned.ok() && returned.problem().contains("did not return")) {
                return trial.notWorking(returned.problem() + ", with " + handed + " writes handed to the writer pool, "
                        + "which starts them after " + writesStartAfter + " ship() calls have returned: ship() "
                        + "waited for its write, and the contract says it returns at once",
                        returned.evidence().toArray(Evidence[]::new));
            }
            if (!returned.ok()) {
                return returned.notWorking(trial);
            }
            if (!collector.awaitArrivals(LINES, WRITE_LIMIT)) {
                Finding threw = writeThrew(collector.arrived().size(), writers.failures(), writesStartAfter, trial);
                if (threw != null) {
                    return threw;
                }
                return trial.notWorking(String.format(Locale.ROOT,
                        "only %d of %d lines reached the collector within %,d ms of the calls returning (%d writes "
                                + "were handed to the writer pool)",
                        collector.arrived().size(), LINES, WRITE_LIMIT.toMillis(), writers.handed()),
                        new Evidence.Threads("The writer pool's workers",
                                ThreadViews.of(writers.workerIds(), trial.lockNames())));
            }
            writers.shutdown(WRITE_LIMIT);
            int acquired = buffers.acquired();
            int outstanding = buffers.outstanding();
            Future<Throwable> refused = caller.submit(() -> shipRefused(shipper));
            Throwable thrown;
            try {
                thrown = refused.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return trial.notWorking("ship() of a line the shut-down writer pool refused did not return within "
                        + CALL_LIMIT.toMillis() + " ms");
            }
            return judge(lines, collector.arrived(), buffers, acquired, outstanding, new Refusal(thrown),
                    writesStartAfter, returned.millis(), trial);
        } finally {
            writers.shutdown(WRITE_LIMIT);
        }
    }

    /**
     * A write that threw on the writer pool. A buffer exception from {@code java.nio} is the race: the writes start
     * only after the ship() calls have returned, so every buffer a write reads had gone back to the pool and taken
     * later lines, and changed its size under the write. Anything else is the code's own failure.
     */
    private static Finding writeThrew(int arrived, List<Throwable> failures, int writesStartAfter, Trial trial) {
        if (failures.isEmpty()) {
            return null;
        }
        Throwable first = failures.get(0);
        String stack = Arrays.stream(first.getStackTrace()).limit(8).map(frame -> "    at " + frame)
                .collect(Collectors.joining("\n"));
        boolean buffer = first instanceof BufferOverflowException || first instanceof BufferUnderflowException
                || first instanceof IndexOutOfBoundsException
                        && Arrays.stream(first.getStackTrace()).anyMatch(f -> f.getClassName().startsWith("java.nio."));
        Count whole = new Count("lines that arrived", LINES, arrived);
        Evidence where = new Evidence.Note("Where the write threw:\n" + stack);
        if (buffer) {
            return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                    "%d of %d lines never arrived: %d writes threw, the first %s. The writes began after %d of the "
                            + "ship() calls had returned, so the buffers they read were back in the pool and held "
                            + "later lines",
                    LINES - arrived, LINES, failures.size(), first, writesStartAfter), whole, where);
        }
        return trial
                .notWorking(String.format(Locale.ROOT, "%d of %d lines never arrived: %d writes threw, the first %s",
                        LINES - arrived, LINES, failures.size(), first), whole, where);
    }

    /** One more line, after the writer pool was shut down: what ship() threw, or null if it returned. */
    private static Throwable shipRefused(Shipper shipper) {
        try {
            shipper.ship(String.format(Locale.ROOT, "INFO shutdown: log shipping stopped, %d lines shipped", LINES));
            return null;
        } catch (Throwable thrown) {
            return thrown;
        }
    }

    /** How ship() took the writer pool's refusal of a line: what it threw, or null if it returned. */
    private record Refusal(Throwable thrown) {
        boolean passedOn() {
            for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
                if (cause instanceof RejectedExecutionException) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Finding judge(List<String> lines, List<Collector.Arrived> arrived, CountingPool buffers,
            int acquiredBeforeRefusal, int outstandingBeforeRefusal, Refusal refusal, int writesStartAfter,
            long callMillis, Trial trial) {
        for (Collector.Arrived payload : arrived) {
            if (!payload.thread().startsWith("writer-")) {
                return trial.notWorking("a line was written on " + payload.thread()
                        + ", not on the writer pool the shipper was given");
            }
        }
        Map<String, Integer> expected = count(lines);
        Map<String, Integer> got = count(arrived.stream().map(Collector.Arrived::text).toList());
        List<String> missing = new ArrayList<>();
        expected.forEach((line, times) -> {
            for (int i = got.getOrDefault(line, 0); i < times; i++) {
                missing.add(line);
            }
        });
        List<String> foreign = new ArrayList<>();
        got.forEach((text, times) -> {
            for (int i = expected.getOrDefault(text, 0); i < times; i++) {
                foreign.add(text);
            }
        });
        if (!missing.isEmpty()) {
            return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                    "%d of %d lines never arrived as shipped: \"%s\" arrived as \"%s\"", missing.size(), LINES,
                    missing.get(0), foreign.isEmpty() ? "nothing" : foreign.get(0)),
                    new Count("lines that arrived whole", LINES, LINES - missing.size()),
                    new Evidence.Note("Shipped, never arrived" + shownOf(missing) + ":\n" + quoted(missing)
                            + "\nArrived instead" + shownOf(foreign) + ":\n" + quoted(foreign)),
                    new Evidence.Note(String.format(Locale.ROOT,
                            "%s served the %d lines; the writes began after %d of the ship() calls had returned, "
                                    + "and read buffers that later lines had been written into.",
                            buffers.distinct() == 1 ? "One buffer" : buffers.distinct() + " buffers", LINES,
                            writesStartAfter)));
        }
        if (buffers.releasedTwice() > 0) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "every line arrived whole, but %d buffers were given back to the pool twice (or were not the "
                            + "pool's): the pool would hand one buffer to two callers",
                    buffers.releasedTwice()));
        }
        if (outstandingBeforeRefusal > 0) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "every line arrived whole, but %d of the %d buffers taken from the pool were never given back: "
                            + "the pool runs dry, or grows without end",
                    outstandingBeforeRefusal, acquiredBeforeRefusal),
                    new Count("buffers given back", acquiredBeforeRefusal,
                            acquiredBeforeRefusal - outstandingBeforeRefusal));
        }
        if (buffers.outstanding() > 0) {
            return trial.notWorking(
                    "every line arrived whole, but the line shipped after the writer pool was shut down,"
                            + " which the pool refused" + (refusal.thrown() == null
                                    ? ""
                                    : " (ship() threw " + refusal.thrown().getClass().getSimpleName() + ")")
                            + ", kept its buffer: the task that would have given it back never runs, so every refused"
                            + " line costs the pool a buffer",
                    new Count("buffers given back", buffers.acquired(),
                            buffers.acquired() - buffers.outstanding()));
        }
        if (!refusal.passedOn()) {
            return trial.notWorking(refusal.thrown() == null
                    ? "every line arrived whole, but ship() returned as if all was well for a line the shut-down writer"
                            + " pool refused: the line is lost and its caller never knows (the contract says ship"
                            + " throws the pool's RejectedExecutionException)"
                    : "ship() of a line the shut-down writer pool refused threw " + refusal.thrown()
                            + ", not the pool's RejectedExecutionException");
        }
        return trial.clean(String.format(Locale.ROOT,
                "%d lines arrived whole and once, written on the writer pool; the %d ship() calls returned after %,d "
                        + "ms in all; %d buffers served them, each given back once its write was done; and a line"
                        + " the shut-down writer pool refused gave its buffer back too (ship() threw %s)",
                LINES, LINES, callMillis, buffers.distinct(), refusal.thrown().getClass().getSimpleName()),
                new Count("lines that arrived whole", LINES, LINES));
    }

    private static Map<String, Integer> count(List<String> texts) {
        Map<String, Integer> counts = new HashMap<>();
        texts.forEach(text -> counts.merge(text, 1, Integer::sum));
        return counts;
    }

    private static String shownOf(List<String> texts) {
        return texts.size() > SHOWN ? " (the first " + SHOWN + " of " + texts.size() + ")" : "";
    }

    private static String quoted(List<String> texts) {
        if (texts.isEmpty()) {
            return "  (none)";
        }
        List<String> shown = new ArrayList<>();
        for (String text : texts.subList(0, Math.min(SHOWN, texts.size()))) {
            shown.add("  \"" + text + "\"");
        }
        return String.join("\n", shown);
    }

    /** Ten different lines of a service log. */
    private static List<String> lines() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Map<String, Boolean> lines = new LinkedHashMap<>();
        int order = random.nextInt(10_000, 90_000);
        while (lines.size() < LINES) {
            order += random.nextInt(1, 9);
            lines.put(String.format(Locale.ROOT, "INFO %s: %s, order %d", SERVICES.get(random.nextInt(SERVICES.size())),
                    EVENTS.get(random.nextInt(EVENTS.size())), order), true);
        }
        return List.copyOf(lines.keySet());
    }
}
