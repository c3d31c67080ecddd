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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Point;
import workbook.harness.Evidence.Series;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadLeakDetector;
import workbook.harness.Trial;

/**
 * Looks up the lowest price of 40 items, one call after another, and counts the live threads the calls started,
 * every 5 calls. The three vendors of a call answer only once all three have been asked, so every call really
 * fans out (a "fix" that asks them one by one is caught), and the answers are checked against the known prices. In
 * one call of every four, at a place drawn anew, one vendor (drawn too) fails, and the call must fail with it: a pool
 * shut down on the happy path only leaks there. A leak is growth: the threads alive after the last call, once a grace
 * period has let finished pools wind down, exceed those alive at the halfway mark by at least one per failed call of
 * the second half. A shared pool stays flat, and must end its threads when the finder is closed; a pool closed after
 * each call drops to zero.
 */
public final class PoolPerCall implements Pitfall<PriceFinder> {

    static final List<String> VENDORS = List.of("acme", "globex", "initech");
    static final int CALLS = 40;
    static final int SAMPLE_EVERY = 5;
    /** One call in this many has a vendor that fails. */
    static final int FAIL_ONE_IN = 4;
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
        Map<String, String> failing = failingVendors();
        Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
        List<Vendor> vendors = VENDORS.stream()
                .<Vendor>map(name -> new FakeVendor(name, rendezvous, failing, failures)).toList();
        ThreadLeakDetector threads = ThreadLeakDetector.snapshot();
        PriceFinder finder = Subjects.create(implementation, vendors);
        try (CallerThread caller = new CallerThread()) {
            List<Point> points = new ArrayList<>(List.of(new Point(0, 0)));
            int calls = 0;
            int aliveAtHalf = -1;
            while (calls < CALLS && !trial.outOfTime()) {
                String sku = "sku-" + (calls + 1);
                Finding wrong = callOnce(finder, sku, failing.get(sku), failures, rendezvous, caller, trial);
                if (wrong != null) {
                    return wrong;
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
            int failed = failedWithin(failing, 1, calls);
            int failedSecondHalf = failedWithin(failing, CALLS / 2 + 1, calls);
            List<Evidence.ThreadView> alive = threads.survivorsAfter(GRACE, trial.lockNames());
            int growth = alive.size() - aliveAtHalf;
            Series plot = new Series("Live threads started by the calls", "calls", "live threads", points);
            String ended = String.format(Locale.ROOT, "%d calls ended, %d with the lowest price and %d with a vendor's "
                    + "failure", calls, calls - failed, failed);
            if (growth >= Math.max(1, failedSecondHalf)) {
                boolean everyCall = growth >= calls - CALLS / 2;
                return trial.reproduced(FailureKind.LEAK, String.format(Locale.ROOT,
                        "%s, yet %d threads they started are still alive %,d ms after the last one: about %d more "
                                + "per %s",
                        ended, alive.size(), GRACE.toMillis(),
                        Math.round((double) alive.size() / (everyCall ? calls : Math.max(1, failed))),
                        everyCall ? "call" : "call that failed"), plot,
                        new Count("threads left alive", 0, alive.size()), firstAndLast(alive));
            }
            CallerThread.Returned closed = caller.timed("close()", CALL_LIMIT, finder::close, trial.lockNames());
            if (!closed.ok()) {
                return closed.notWorking(trial);
            }
            List<Evidence.ThreadView> afterClose = threads.survivorsAfter(GRACE, trial.lockNames());
            if (!afterClose.isEmpty()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%s, and the threads did not grow with the calls, but %d threads the finder started are "
                                + "still alive %,d ms after its close(); the contract says close() ends them",
                        ended, afterClose.size(), GRACE.toMillis()), plot,
                        new Count("threads left alive after close()", 0, afterClose.size()),
                        firstAndLast(afterClose));
            }
            return trial.clean(String.format(Locale.ROOT,
                    "%d calls each asked all %d vendors at once; %d returned the lowest price and %d failed with "
                            + "the failing vendor's exception; the threads they left alive did not grow with the "
                            + "calls (%d after %d calls, %d after %d), and none was left after close()",
                    calls, VENDORS.size(), calls - failed, failed, aliveAtHalf, CALLS / 2, alive.size(), calls),
                    plot);
        }
    }

    /** One call: null if it asked every vendor at once and returned the right price or failure. */
    private static Finding callOnce(PriceFinder finder, String sku, String failingVendor,
            Map<String, RuntimeException> failures, Rendezvous rendezvous, CallerThread caller, Trial trial)
            throws InterruptedException {
        Object[] outcome = new Object[1];
        String call = "lowestPrice(\"" + sku + "\")";
        CallerThread.Returned returned = caller.timed(call, CALL_LIMIT, () -> {
            try {
                outcome[0] = finder.lowestPrice(sku);
            } catch (Exception e) {
                outcome[0] = e;
            }
        }, trial.lockNames());
        if (!returned.ok()) {
            return trial.notWorking(returned.problem() + "; " + (rendezvous.alone().isEmpty()
                    ? "every vendor answers once all three are asked"
                    : notTogether(rendezvous)), returned.evidence().toArray(Evidence[]::new));
        }
        if (!rendezvous.alone().isEmpty()) {
            return trial.notWorking(notTogether(rendezvous));
        }
        if (failingVendor == null) {
            if (outcome[0] instanceof Exception e) {
                return trial.notWorking(call + " threw " + e + "; every vendor quoted");
            }
            long price = (Long) outcome[0];
            return price == lowest(sku)
                    ? null
                    : trial.notWorking(String.format(Locale.ROOT, "%s returned %d; the lowest quote was %d", call,
                            price, lowest(sku)));
        }
        if (outcome[0] instanceof Long price) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%s returned %d although %s failed to quote; the contract says a vendor's failure fails the "
                            + "call with an ExecutionException",
                    call, price, failingVendor));
        }
        Throwable thrown = (Throwable) outcome[0];
        return causedBy(thrown, failures.get(sku))
                ? null
                : trial.notWorking(call + " threw " + thrown + ", not an ExecutionException caused by "
                        + failingVendor + "'s failure (" + failures.get(sku) + ")");
    }

    private static boolean causedBy(Throwable thrown, Throwable failure) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t == failure) {
                return true;
            }
        }
        return false;
    }

    /** In every run of FAIL_ONE_IN calls, one at a place drawn anew has a vendor, drawn too, that fails. */
    private static Map<String, String> failingVendors() {
        Map<String, String> failing = new ConcurrentHashMap<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int first = 1; first <= CALLS; first += FAIL_ONE_IN) {
            int call = first + random.nextInt(FAIL_ONE_IN);
            failing.put("sku-" + call, VENDORS.get(random.nextInt(VENDORS.size())));
        }
        return failing;
    }

    private static int failedWithin(Map<String, String> failing, int from, int to) {
        return (int) IntStream.rangeClosed(from, to).filter(call -> failing.containsKey("sku-" + call)).count();
    }

    private static String notTogether(Rendezvous rendezvous) {
        return "the vendors were not asked at the same time: " + rendezvous.alone().peek() + " waited "
                + TOGETHER.toMillis() + " ms for the others to be asked; the contract says it asks every vendor at "
                + "once";
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

    /** Quotes its price once every vendor of the call was asked, or fails where the plan says so. */
    private record FakeVendor(String name, Rendezvous rendezvous, Map<String, String> failing,
            Map<String, RuntimeException> failures) implements Vendor {

        @Override
        public long quote(String sku) throws InterruptedException {
            rendezvous.await(name, sku);
            if (name.equals(failing.get(sku))) {
                RuntimeException failure = new IllegalStateException(name + " is unavailable (quote for " + sku + ")");
                failures.put(sku, failure);
                throw failure;
            }
            return price(name, sku);
        }
    }
}
