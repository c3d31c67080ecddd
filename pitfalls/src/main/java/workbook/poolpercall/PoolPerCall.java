package workbook.poolpercall;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Point;
import workbook.harness.Evidence.Series;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Harness;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadLeakDetector;
import workbook.harness.Trial;

/**
 * Looks up the lowest price of 40 items, one call after another, and counts the live threads the calls started,
 * every 5 calls. The three vendors of a call answer only once all three have been asked, so every call really
 * fans out (a "fix" that asks them one by one is caught), and the answers are checked against the known prices.
 * A leak is growth: the threads alive after the last call, once a grace period has let finished pools wind down,
 * exceed those alive at the halfway mark by at least one per call of the second half. A shared pool stays flat;
 * a pool closed after each call drops to zero.
 */
public final class PoolPerCall implements Pitfall<PriceFinder> {

    static final List<String> VENDORS = List.of("acme", "globex", "initech");
    static final int CALLS = 40;
    static final int SAMPLE_EVERY = 5;
    /** How long a vendor waits for the other vendors of the same call to be asked; generous for a busy machine. */
    static final Duration TOGETHER = Duration.ofSeconds(2);
    static final Duration CALL_LIMIT = TOGETHER.multipliedBy(2);
    static final Duration GRACE = Duration.ofMillis(300);
    /** Sorts "pool-9-thread-1" before "pool-10-thread-1". */
    private static final Pattern NUMBERS = Pattern.compile("\\d{1,9}");

    @Override
    public String id() {
        return "pool-per-call";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LEAK;
    }

    @Override
    public Class<PriceComparison> subject() {
        return PriceComparison.class;
    }

    @Override
    public Finding run(Class<? extends PriceFinder> implementation, Trial trial) throws Exception {
        Rendezvous rendezvous = new Rendezvous(VENDORS.size());
        List<Vendor> vendors = VENDORS.stream().<Vendor>map(name -> new FakeVendor(name, rendezvous)).toList();
        PriceFinder finder = Subjects.create(implementation, vendors);
        ExecutorService caller = Executors.newSingleThreadExecutor(Harness.threads("caller"));
        try {
            ThreadLeakDetector threads = ThreadLeakDetector.snapshot();
            List<Point> points = new ArrayList<>(List.of(new Point(0, 0)));
            int calls = 0;
            int aliveAtHalf = -1;
            while (calls < CALLS && !trial.outOfTime()) {
                String sku = "sku-" + (calls + 1);
                Future<Long> call = caller.submit(() -> finder.lowestPrice(sku));
                long price;
                try {
                    price = call.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    return trial.notWorking(rendezvous.alone().isEmpty()
                            ? "lowestPrice(\"" + sku + "\") did not return within " + CALL_LIMIT.toMillis()
                                    + " ms although every vendor answers at once"
                            : notTogether(rendezvous));
                } catch (ExecutionException e) {
                    return trial.notWorking("lowestPrice(\"" + sku + "\") threw " + e.getCause());
                }
                if (!rendezvous.alone().isEmpty()) {
                    return trial.notWorking(notTogether(rendezvous));
                }
                if (price != lowest(sku)) {
                    return trial.notWorking(String.format(Locale.ROOT,
                            "lowestPrice(\"%s\") returned %d; the lowest quote was %d", sku, price, lowest(sku)));
                }
                calls++;
                if (calls % SAMPLE_EVERY == 0) {
                    int alive = threads.newThreads().size();
                    points.add(new Point(calls, alive));
                    if (calls == CALLS / 2) {
                        aliveAtHalf = alive;
                    }
                }
            }
            if (aliveAtHalf < 0) {
                return trial.inconclusive("the budget ran out after " + calls + " calls, before the halfway mark ("
                        + CALLS / 2 + " calls): too few to see a trend");
            }
            List<Evidence.ThreadView> alive = threads.survivorsAfter(GRACE, trial.lockNames());
            int secondHalf = calls - CALLS / 2;
            Series plot = new Series("Live threads started by the calls", "calls", "live threads", points);
            if (alive.size() - aliveAtHalf >= secondHalf) {
                return trial.reproduced(FailureKind.LEAK, String.format(Locale.ROOT,
                        "%d calls each returned the lowest price, yet %d threads they started are still alive "
                                + "%,d ms after the last one: about %d more per call",
                        calls, alive.size(), GRACE.toMillis(), Math.round((double) alive.size() / calls)),
                        plot, new Count("threads left alive", 0, alive.size()), firstAndLast(alive));
            }
            return trial.clean(String.format(Locale.ROOT,
                    "%d calls each asked all %d vendors at once and returned the lowest price; the threads they "
                            + "left alive did not grow with the calls (%d after %d calls, %d after %d)",
                    calls, VENDORS.size(), aliveAtHalf, CALLS / 2, alive.size(), calls), plot);
        } finally {
            caller.shutdownNow();
        }
    }

    private static String notTogether(Rendezvous rendezvous) {
        return "the vendors were not asked at the same time: " + rendezvous.alone().peek() + " waited "
                + TOGETHER.toMillis() + " ms for the others to be asked";
    }

    /** The price a vendor quotes, in cents: fixed per vendor and item, so the lowest is known in advance. */
    static long price(String vendor, String sku) {
        return 1_000 + Math.floorMod((vendor + "/" + sku).hashCode(), 9_000);
    }

    static long lowest(String sku) {
        return VENDORS.stream().mapToLong(vendor -> price(vendor, sku)).min().orElseThrow();
    }

    /** The oldest and the newest survivor: their pool numbers tell how many pools were made. */
    private static Evidence.Threads firstAndLast(List<Evidence.ThreadView> alive) {
        List<Evidence.ThreadView> sorted = alive.stream()
                .sorted(Comparator.comparing(view -> inNumberOrder(view.name()))).toList();
        if (sorted.size() <= 2) {
            return new Evidence.Threads("The threads left alive", sorted);
        }
        return new Evidence.Threads("The first and the last of the " + sorted.size() + " threads left alive",
                List.of(sorted.get(0), sorted.get(sorted.size() - 1)));
    }

    private static String inNumberOrder(String name) {
        return NUMBERS.matcher(name).replaceAll(number -> "%09d".formatted(Long.parseLong(number.group())));
    }

    /** Holds each quote until every vendor of the same call has been asked, or {@link #TOGETHER} has passed. */
    private static final class Rendezvous {

        private final int vendors;
        private final Map<String, CountDownLatch> calls = new ConcurrentHashMap<>();
        private final Queue<String> alone = new ConcurrentLinkedQueue<>();

        Rendezvous(int vendors) {
            this.vendors = vendors;
        }

        void await(String vendor, String sku) throws InterruptedException {
            CountDownLatch asked = calls.computeIfAbsent(sku, key -> new CountDownLatch(vendors));
            asked.countDown();
            if (!asked.await(TOGETHER.toMillis(), TimeUnit.MILLISECONDS)) {
                alone.add(vendor + " (asked for " + sku + ")");
            }
        }

        Queue<String> alone() {
            return alone;
        }
    }

    private record FakeVendor(String name, Rendezvous rendezvous) implements Vendor {

        @Override
        public long quote(String sku) throws InterruptedException {
            rendezvous.await(name, sku);
            return price(name, sku);
        }
    }
}
