package workbook.torninvariant;

import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.HeldLocks;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Stress;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * A market feed thread moves one band along a random walk, up and down, tens of thousands of times a round
 * ({@link MarketFeed}), while two order threads read it as fast as they can ({@link OrderChecks}). Every read must
 * be a band the feed set, whole, and no older than the last move that had returned. A read that is the low of one
 * band with the high of another is the pitfall; a stale or made-up band breaks the contract in another way. Rounds
 * repeat until a read went wrong, or until the readers have seen the band change often enough (they and the feed
 * ran at the same time, finely interleaved) that two fields written one after the other would have been caught
 * between their writes: only then is a band CLEAN.
 */
public final class TornInvariant implements Pitfall<PriceBand> {

    static final int READERS = 2;
    static final int MIN_MOVES = 60_000;
    static final int MAX_MOVES = 120_000;
    static final int MIN_ROUNDS = 10;
    /** Band changes seen by the readers after which two separately written fields have always been caught torn. */
    static final long ENOUGH_CHANGES = 150_000;
    static final Duration ROUND_LIMIT = Duration.ofSeconds(2);
    static final Duration GRACE = Duration.ofSeconds(1);
    /** Past this share of the budget with too few changes, rounds are dumped to see whether the band kept them apart. */
    static final double PROBE_AFTER = 0.3;
    static final int MIN_DUMPS = 100;
    static final int MIN_KEPT_APART = 10;
    /**
     * Changes seen, at least, before a band that kept the feed and the readers apart is CLEAN: the thread dumps are
     * the proof, these a floor. A read-write lock on 2 cores, under the load of the test suite, was seen to let the
     * readers see only 9,994 changes in 5 s (0 of 334 dumps with both inside the band).
     */
    static final long FEW_CHANGES = 5_000;
    private static final Duration DUMP_EVERY = Duration.ofNanos(500_000);
    /** Readers that wait for a move by reading in a loop, one at a time. */
    static final int WAITS = 3;
    /** The processor time the waiting reader spins before the move, then the JIT quiet for a while. */
    static final Duration WAITER_SPIN = Duration.ofMillis(60);
    static final Duration JIT_QUIET = Duration.ofMillis(20);
    static final Duration WARM_UP_LIMIT = Duration.ofSeconds(2);
    static final Duration SEE_MOVE_LIMIT = Duration.ofMillis(300);

    @Override
    public String id() {
        return "torn-invariant";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /**
     * Every thread of a round stops with it, in either variant, but the waiting reader ({@link TickWaiter}) shows a
     * plain field's stale read only where the JIT inlines the band's one class into its loop: in a JVM shared with
     * other learners' classes it does not (measured: a plain-field fix passed there), so each trial gets a JVM.
     */
    @Override
    public boolean trialsShareJvm() {
        return false;
    }

    /** It needs the feed and the readers truly running at once, which a busy machine does not allow. */
    @Override
    public boolean needsIdleCores() {
        return true;
    }

    @Override
    public Class<TradingBand> subject() {
        return TradingBand.class;
    }

    @Override
    public Finding run(Class<? extends PriceBand> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        long moves = 0;
        long reads = 0;
        long changes = 0;
        int round = 0;
        Exclusion exclusion = null;
        while (!trial.outOfTime() && (round < MIN_ROUNDS || changes < ENOUGH_CHANGES)) {
            round++;
            MarketFeed feed = new MarketFeed(random.nextInt(MIN_MOVES, MAX_MOVES), random);
            Band first = feed.band(0);
            // Allocated just before the band, of a size drawn anew, so that the band's fields lie at another place
            // each round, now and then across two cache lines, as among the many objects of a real heap.
            long[] spacing = new long[random.nextInt(0, 8)];
            PriceBand band = Subjects.create(implementation, first.low(), first.high());
            OrderChecks checks = new OrderChecks(feed, "order", READERS);
            Duration limit = trial.remaining().compareTo(ROUND_LIMIT) < 0 ? trial.remaining() : ROUND_LIMIT;
            int target = feed.moves();
            Stress orders = Stress.start("order", READERS, Long.MAX_VALUE, limit,
                    (reader, n) -> checks.read(reader, band));
            Stress feeding = Stress.start("feed", 1, target, limit, (feeder, n) -> feed.move(band, (int) n + 1));
            if (exclusion != null) {
                dump(implementation, feeding, orders, limit, exclusion, trial);
            }
            Stress.Result fed = feeding.await(GRACE);
            orders.stop();
            Stress.Result read = orders.await(GRACE);
            Finding failed = failed(fed, read, trial);
            if (failed != null) {
                return failed;
            }
            OrderChecks.Tally tally = sum(checks);
            if (tally.wrong() > 0) {
                return wrong(tally, fed.total(), round, trial);
            }
            Reference.reachabilityFence(spacing);
            moves += fed.total();
            reads += tally.reads;
            changes += tally.changes;
            if (exclusion == null && round >= MIN_ROUNDS && changes < ENOUGH_CHANGES
                    && trial.elapsedMillis() > trial.budget().toMillis() * PROBE_AFTER) {
                // Too few changes for the time: a band that keeps the two sides apart, or a busy machine?
                exclusion = new Exclusion(implementation, trial.lockNames());
            }
            if (exclusion != null && exclusion.dumps() >= MIN_DUMPS && exclusion.keptApart(MIN_KEPT_APART)
                    && changes >= FEW_CHANGES) {
                break;
            }
        }
        boolean keptApart = exclusion != null && exclusion.dumps() >= MIN_DUMPS
                && exclusion.keptApart(MIN_KEPT_APART) && changes >= FEW_CHANGES;
        if (round >= MIN_ROUNDS && (changes >= ENOUGH_CHANGES || keptApart)) {
            Finding stale = waitForTicks(implementation, random, trial);
            if (stale != null) {
                return stale;
            }
            String apart = changes >= ENOUGH_CHANGES
                    ? ""
                    : String.format(Locale.ROOT,
                            ". They took turns in long stretches (fewer than the %,d changes that catch two fields written one"
                                    + " after the other), but the band kept them apart: in %d thread dumps a reader waited"
                                    + " inside current() %d times and the feed inside move() %d times, on the same lock, and"
                                    + " both ran inside the band at once %d times%s",
                            ENOUGH_CHANGES, exclusion.dumps(), exclusion.readerWaited(), exclusion.feedWaited(),
                            exclusion.bothInside(),
                            exclusion.bothInside() == 0 ? "" : " (a thread stopped on its way out)");
            Count whole = new Count("reads that got a band the feed set", reads, reads);
            String proof = String.format(Locale.ROOT,
                    "in %d rounds feed-1 moved the band %,d times while order-1 and order-2 read it %,d times and saw"
                            + " it change %,d times: every read got a band the feed had set, whole, and no older than"
                            + " the last move that had returned; and %d times a reader waiting in a loop for the band"
                            + " to move, spinning until the JIT had compiled the loop, saw the move%s",
                    round, moves, reads, changes, WAITS, apart);
            return apart.isEmpty() || exclusion.seen().isEmpty()
                    ? trial.clean(proof, whole)
                    : trial.clean(proof, whole,
                            new Evidence.Threads("The feed in move() and a reader waiting in current()",
                                    exclusion.seen()));
        }
        return trial.inconclusive(String.format(Locale.ROOT,
                "every read got a band the feed set, but in %,d ms the order threads saw the band change only %,d "
                        + "times in %d rounds (%,d needed, in at least %d rounds), while feed-1 moved it %,d times and "
                        + "they read it %,d times: the feed and the readers hardly took turns, because the band kept "
                        + "one side waiting (a lock that lets the feed in again and again keeps readers out) or "
                        + "because this machine is too busy to run them at once; too few to tell",
                trial.elapsedMillis(), changes, round, ENOUGH_CHANGES, MIN_ROUNDS, moves, reads)
                + (exclusion == null
                        ? ""
                        : String.format(Locale.ROOT,
                                ". In %d thread dumps, a reader waited inside current() %d times and the feed inside move() %d"
                                        + " times (%s), and both ran inside the band at once %d times (the band keeps them"
                                        + " apart if both waits are seen %d times, on one lock, and the last less than a tenth"
                                        + " as often)",
                                exclusion.dumps(), exclusion.readerWaited(), exclusion.feedWaited(),
                                exclusion.oneLock() ? "on the same lock" : "never on the same lock",
                                exclusion.bothInside(),
                                MIN_KEPT_APART)));
    }

    /** Dumps the feed and the readers every half millisecond while the feed moves the band. */
    private static void dump(Class<? extends PriceBand> implementation, Stress feeding, Stress orders, Duration limit,
            Exclusion exclusion, Trial trial) {
        List<Long> threads = new ArrayList<>(feeding.threadIds());
        threads.addAll(orders.threadIds());
        HeldLocks dumps = HeldLocks.forCallersOf(implementation, trial.lockNames());
        long end = System.nanoTime() + limit.toNanos();
        while (!feeding.done() && System.nanoTime() < end) {
            exclusion.tally(dumps.sample(threads));
            LockSupport.parkNanos(DUMP_EVERY.toNanos());
        }
    }

    /**
     * A reader waits for the band to move by reading it in a loop ({@link TickWaiter}); the band moves once the loop
     * has run long enough to be compiled; the reader must see the move.
     */
    private static Finding waitForTicks(Class<? extends PriceBand> implementation, SplittableRandom random,
            Trial trial) throws Exception {
        for (int wait = 1; wait <= WAITS; wait++) {
            long low = random.nextLong(20_000, 120_000);
            PriceBand band = Subjects.create(implementation, low, low + 20);
            Band before = band.current();
            TickWaiter waiter = new TickWaiter("order-3", band, before);
            waiter.start();
            // The waiter's loop gets compiled meanwhile, as in production.
            waiter.warmUp(WAITER_SPIN, JIT_QUIET, WARM_UP_LIMIT);
            if (waiter.done()) {
                return trial.notWorking("order-3 read the band " + range(before) + " and then, before any move, "
                        + "another band, or gave up reading");
            }
            Band next = new Band(low + 40, low + 60);
            band.move(next.low(), next.high());
            long movedAt = System.nanoTime();
            TickWaiter.Waited waited = waiter.awaitMove(movedAt, SEE_MOVE_LIMIT);
            if (!waited.saw()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "order-3 read the band in a loop, waiting for it to move: %,d ms after move() to %s had "
                                + "returned, it %s read %s, the band before. Nothing makes a reader see a field "
                                + "another thread wrote unless the write and the read are ordered (volatile, a lock, "
                                + "an atomic): the JIT may read a plain field once, and keep it",
                        waited.millisAfterMove(), range(next), waited.reads() < 0 ? "still" : "had given up and",
                        range(before)));
            }
        }
        return null;
    }

    private static OrderChecks.Tally sum(OrderChecks checks) {
        OrderChecks.Tally all = new OrderChecks.Tally();
        for (int i = 0; i < READERS; i++) {
            OrderChecks.Tally one = checks.tally(i);
            all.reads += one.reads;
            all.changes += one.changes;
            all.torn += one.torn;
            all.stale += one.stale;
            all.unknown += one.unknown;
            all.none += one.none;
            all.unjudged += one.unjudged;
            all.firstTorn = all.firstTorn == null ? one.firstTorn : all.firstTorn;
            all.firstInverted = all.firstInverted == null ? one.firstInverted : all.firstInverted;
            all.firstOther = all.firstOther == null ? one.firstOther : all.firstOther;
        }
        return all;
    }

    /** A thread stuck in the band, or a call that threw. */
    private static Finding failed(Stress.Result fed, Stress.Result read, Trial trial) {
        if (!fed.stuck().isEmpty() || !read.stuck().isEmpty()) {
            List<String> who = new ArrayList<>(fed.stuck());
            who.addAll(read.stuck());
            List<Evidence.ThreadView> threads = new ArrayList<>(fed.stuckThreads());
            threads.addAll(read.stuckThreads());
            return trial.notWorking(String.join(", ", who) + " never returned from the band",
                    new Evidence.Threads("Where they were stuck", threads));
        }
        List<Throwable> failures = new ArrayList<>(fed.failures());
        failures.addAll(read.failures());
        if (failures.isEmpty()) {
            return null;
        }
        Throwable first = failures.get(0);
        return trial.notWorking("a call to the band threw " + first, new Evidence.Note("Where it was thrown:\n"
                + Arrays.stream(first.getStackTrace()).limit(8).map(frame -> "    at " + frame)
                        .collect(Collectors.joining("\n"))));
    }

    private static Finding wrong(OrderChecks.Tally tally, long moves, int round, Trial trial) {
        Count whole = new Count("reads that got a band the feed set", tally.reads, tally.reads - tally.wrong());
        if (tally.torn > 0) {
            OrderChecks.Sighting first = tally.firstInverted != null ? tally.firstInverted : tally.firstTorn;
            return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                    "%s read the band %s%s, which the feed never set: the low of band #%,d with the high of band "
                            + "#%,d. In round %d, %,d of %,d reads got such a torn band while feed-1 moved it %,d "
                            + "times",
                    first.reader(), range(first.seen()), inverted(first.seen()), first.lowFrom(), first.highFrom(),
                    round, tally.torn, tally.reads, moves),
                    whole, new Evidence.Note(bands(first)),
                    new Evidence.Note("current() got one of its two values from before a move and the other from "
                            + "after it: the two fields were read, or written, in two steps, and another thread came "
                            + "between them."));
        }
        OrderChecks.Sighting first = tally.firstOther;
        return switch (first.kind()) {
            case STALE -> trial.notWorking(String.format(Locale.ROOT,
                    "%s read band #%,d (%s) after band #%,d had been set and move() had returned: the contract says a"
                            + " read returns that band or a later one",
                    first.reader(), first.highFrom(), range(first.seen()), first.highFrom() + 1), whole);
            case NONE -> trial.notWorking(first.reader() + " got null from current()", whole);
            default -> trial.notWorking(String.format(Locale.ROOT,
                    "%s read the band %s, and the feed never set that low or that high in its last %,d moves",
                    first.reader(), range(first.seen()), OrderChecks.LOOK_BACK), whole);
        };
    }

    private static String bands(OrderChecks.Sighting torn) {
        boolean lowFirst = torn.lowFrom() < torn.highFrom();
        String earlier = line("band #" + String.format(Locale.ROOT, "%,d", Math.min(torn.lowFrom(), torn.highFrom()))
                + ", set by feed-1", lowFirst ? torn.lowBand() : torn.highBand(), "");
        String later = line("band #" + String.format(Locale.ROOT, "%,d", Math.max(torn.lowFrom(), torn.highFrom()))
                + ", set by feed-1", lowFirst ? torn.highBand() : torn.lowBand(), "");
        String seen = line(torn.reader() + " read", torn.seen(), torn.seen().low() > torn.seen().high()
                ? "   low above high"
                : "   never set");
        return "The bands, in dollars:\n" + earlier + "\n" + later + "\n" + seen;
    }

    private static String line(String what, Band band, String remark) {
        return String.format(Locale.ROOT, "    %-28s %8s .. %8s%s", what, dollars(band.low()), dollars(band.high()),
                remark);
    }

    private static String inverted(Band band) {
        return band.low() > band.high() ? " (its low above its high)" : "";
    }

    private static String range(Band band) {
        return dollars(band.low()) + " .. " + dollars(band.high());
    }

    static String dollars(long cents) {
        return String.format(Locale.ROOT, "%,d.%02d", cents / 100, Math.abs(cents % 100));
    }
}
