package workbook.lockreleasedtooearly;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.HeldPool;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * A burst of reservations of one item: 30 reserve() calls of 1 to 3 units each (the item, its stock and the
 * quantities drawn anew every trial), made one after another on the caller. The writer pool the warehouse is given
 * is busy ({@link HeldPool}): it starts the changes only once the 30 calls have returned, then runs them on 3
 * writers at once. Every change must see the stock the one before it left, so the audit log must be one chain from
 * the first stock to the last, with every reservation in it once, and the stock must end where the reservations
 * say; reserve() must return at once, and the changes must run on the writer pool.
 */
public final class LockReleasedTooEarly implements Pitfall<Inventory> {

    static final List<String> ITEMS = List.of("espresso-beans", "oat-milk", "paper-filters", "ceramic-mug",
            "grinder-burr", "kettle");
    static final int RESERVATIONS = 30;
    static final int WRITERS = 3;
    static final Duration CALL_LIMIT = Duration.ofSeconds(1);
    static final Duration LOG_LIMIT = Duration.ofSeconds(3);
    static final int CHANGES_SHOWN = 6;

    @Override
    public String id() {
        return "lock-released-too-early";
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
    public Class<Warehouse> subject() {
        return Warehouse.class;
    }

    @Override
    public Finding run(Class<? extends Inventory> implementation, Trial trial) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String sku = ITEMS.get(random.nextInt(ITEMS.size()));
        int stock = random.nextInt(100, 160);
        int[] quantities = random.ints(RESERVATIONS, 1, 4).toArray();
        int reserved = Arrays.stream(quantities).sum();
        AuditLog log = new AuditLog();
        HeldPool writers = new HeldPool("writer", WRITERS);
        long start = System.nanoTime();
        try (CallerThread caller = new CallerThread()) {
            Inventory inventory = Subjects.create(implementation, Map.of(sku, stock), writers, log);
            String call = RESERVATIONS + " reserve(\"" + sku + "\", ...) calls";
            CallerThread.Returned returned = caller.timed(call, CALL_LIMIT, () -> {
                for (int quantity : quantities) {
                    inventory.reserve(sku, quantity);
                }
            }, trial.lockNames());
            int handed = writers.handed();
            writers.release();
            if (!returned.ok() && returned.problem().contains("did not return")) {
                return trial.notWorking(returned.problem() + ", with " + handed + " changes handed to the writer "
                        + "pool, which starts them once the calls have returned: reserve() waited for its change, "
                        + "and the contract says it returns at once", returned.evidence().toArray(Evidence[]::new));
            }
            if (!returned.ok()) {
                return returned.notWorking(trial);
            }
            if (!log.awaitEntries(RESERVATIONS, LOG_LIMIT)) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "only %d of %d reservations were logged within %,d ms of the calls returning",
                        log.entries().size(), RESERVATIONS, LOG_LIMIT.toMillis()),
                        new Evidence.Threads("The writer pool's workers",
                                ThreadViews.of(writers.workerIds(), trial.lockNames())));
            }
            writers.shutdown(LOG_LIMIT);
            int[] left = new int[1];
            CallerThread.Returned asked = caller.timed("available(\"" + sku + "\")", CALL_LIMIT,
                    () -> left[0] = inventory.available(sku), trial.lockNames());
            if (!asked.ok()) {
                return asked.notWorking(trial);
            }
            return judge(sku, stock, reserved, left[0], log.entries(), returned.millis(), start, trial);
        } finally {
            writers.shutdown(LOG_LIMIT);
        }
    }

    private static Finding judge(String sku, int stock, int reserved, int left, List<AuditLog.Entry> entries,
            long callMillis, long start, Trial trial) {
        for (AuditLog.Entry entry : entries) {
            if (!entry.thread().startsWith("writer-")) {
                return trial.notWorking("a change of " + sku + " was made on " + entry.thread()
                        + ", not on the writer pool the warehouse was given");
            }
        }
        if (entries.size() != RESERVATIONS) {
            return trial.notWorking(String.format(Locale.ROOT, "%d reservations were logged, not the %d made",
                    entries.size(), RESERVATIONS));
        }
        AuditLog.Entry[] overlap = firstOverlap(entries);
        int lost = left - (stock - reserved);
        if (overlap != null && lost == 0) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "the stock ended right at %d, but the audit log is not one chain: %s and %s both logged a change "
                            + "from %d units",
                    left, overlap[0].thread(), overlap[1].thread(), overlap[0].before()));
        }
        if (overlap != null || lost != 0) {
            String how = overlap == null
                    ? ""
                    : String.format(Locale.ROOT,
                            ": %s and %s both read %d units left, and each wrote its own change over the other's",
                            overlap[0].thread(), overlap[1].thread(), overlap[0].before());
            return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                    "%d reservations of %d units, yet the stock went from %d to %d, not to %d%s",
                    RESERVATIONS, reserved, stock, left, stock - reserved, how),
                    new Count("units reserved", reserved, stock - left),
                    new Evidence.Timeline("The writers' first changes, in ms since the trial started",
                            changes(entries, start)),
                    new Evidence.Note(String.format(Locale.ROOT,
                            "The %d reserve() calls returned after %,d ms in all; the writer pool ran the changes "
                                    + "after that, three at a time.",
                            RESERVATIONS, callMillis)));
        }
        if (!isChain(entries, stock, left)) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "the stock ended right at %d, but the audit log is not one chain of changes from %d to %d", left,
                    stock, left));
        }
        return trial.clean(String.format(Locale.ROOT,
                "%d reservations of %d units, applied one after another on the writer pool: the audit log is one "
                        + "chain from %d to %d units; the %d reserve() calls returned after %,d ms in all",
                RESERVATIONS, reserved, stock, left, RESERVATIONS, callMillis),
                new Count("units reserved", reserved, stock - left));
    }

    /** Two changes that read the same stock, so that one wrote over the other, or null. */
    private static AuditLog.Entry[] firstOverlap(List<AuditLog.Entry> entries) {
        for (int i = 0; i < entries.size(); i++) {
            for (int j = i + 1; j < entries.size(); j++) {
                if (entries.get(j).before() == entries.get(i).before()) {
                    return new AuditLog.Entry[]{entries.get(i), entries.get(j)};
                }
            }
        }
        return null;
    }

    /** Whether the logged changes, from the most stock to the least, lead from {@code first} to {@code last}. */
    private static boolean isChain(List<AuditLog.Entry> entries, int first, int last) {
        List<AuditLog.Entry> steps = entries.stream()
                .sorted(Comparator.comparingInt(AuditLog.Entry::before).reversed()).toList();
        int at = first;
        for (AuditLog.Entry step : steps) {
            if (step.before() != at) {
                return false;
            }
            at = step.after();
        }
        return at == last;
    }

    /** The first few changes, each as its read and its write. */
    private static List<Event> changes(List<AuditLog.Entry> entries, long start) {
        record Stamped(long nanos, Event event) {
        }
        List<Stamped> events = new ArrayList<>();
        for (AuditLog.Entry entry : entries.subList(0, Math.min(CHANGES_SHOWN, entries.size()))) {
            events.add(new Stamped(entry.startNanos(), new Event(millis(entry.startNanos(), start), entry.thread(),
                    "reads " + entry.before() + " units left, takes " + (entry.before() - entry.after()))));
            events.add(new Stamped(entry.endNanos(), new Event(millis(entry.endNanos(), start), entry.thread(),
                    "writes " + entry.after())));
        }
        return events.stream().sorted(Comparator.comparingLong(Stamped::nanos)).map(Stamped::event).toList();
    }

    private static long millis(long nanos, long start) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - start);
    }
}
