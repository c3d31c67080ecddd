package workbook.recursivecompute;

import java.time.Duration;
import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import workbook.harness.DeadlockDetector;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Outcome;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.WatchedCall;

/**
 * Two rounds, in an order drawn for the trial, each on a new {@code Prices} and a catalog of its own whose SKUs are
 * picked by their bins in a {@code ConcurrentHashMap} ({@link Skus}). Alone: one caller prices a bundle one of whose
 * parts shares the bundle's bin, so that a {@code computeIfAbsent} for the part, made from inside the one for the
 * bundle, meets the bundle's own reservation (JDK 9 and later throw "Recursive update"). Together: two callers price
 * two bundles at once, each with a part in the other bundle's bin, so that each holds its bundle's bin and wants the
 * other's (a monitor cycle). Then every price is checked, asked again at no catalog cost, and the two bundles must
 * have been worked out at once.
 */
public final class RecursiveCompute implements Pitfall<Prices> {

    static final Duration PATIENCE = Duration.ofSeconds(2);
    static final Duration CYCLE_CHECKS_FROM = Duration.ofMillis(20);

    @Override
    public String id() {
        return "recursive-compute";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.DEADLOCK;
    }

    /** Deadlocked callers cannot be freed: each trial gets a JVM of its own, which ends with it. */
    @Override
    public boolean trialsShareJvm() {
        return false;
    }

    @Override
    public Class<BundlePrices> subject() {
        return BundlePrices.class;
    }

    @Override
    public Finding run(Class<? extends Prices> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        boolean aloneFirst = random.nextBoolean();
        int priced = 0;
        String aloneBin = null;
        Finding failed = null;
        for (boolean alone : aloneFirst ? List.of(true, false) : List.of(false, true)) {
            Finding finding;
            if (alone) {
                String kit = Skus.kit(random, Set.of());
                String neighbour = Skus.neighbourOf(kit, random);
                Map<String, List<String>> bundles = Map.of(kit, parts(neighbour, random, Set.of(Skus.bin(kit))));
                ScriptedCatalog catalog = new ScriptedCatalog(bundles, Set.of());
                finding = price(implementation, catalog, List.of(kit), trial);
                aloneBin = String.format(Locale.ROOT, "\"%s\" and its part \"%s\" (bin %d of %d)", kit, neighbour,
                        Skus.bin(kit), Skus.TABLE);
                priced += 1 + bundles.get(kit).size();
            } else {
                String first = Skus.kit(random, Set.of());
                String second = Skus.kit(random, Set.of(Skus.bin(first)));
                Set<Integer> bins = Set.of(Skus.bin(first), Skus.bin(second));
                Map<String, List<String>> bundles = new HashMap<>();
                bundles.put(first, parts(Skus.neighbourOf(second, random), random, bins));
                bundles.put(second, parts(Skus.neighbourOf(first, random), random, bins));
                ScriptedCatalog catalog = new ScriptedCatalog(bundles, Set.of(first, second));
                finding = price(implementation, catalog, List.of(first, second), trial);
                priced += 2 + bundles.get(first).size() + bundles.get(second).size();
            }
            if (finding != null && finding.outcome() == Outcome.REPRODUCED) {
                return finding;
            }
            // Another failure waits for the other round: a fix that also still updates the map from inside an
            // update is shown so, whatever order the rounds came in.
            failed = failed == null ? finding : failed;
        }
        if (failed != null) {
            return failed;
        }
        return trial.clean(String.format(Locale.ROOT, "priced a bundle that shares its bin with one of its parts, %s,"
                + " and two bundles at once, each with a part in the other's bin, worked out at the same time: every"
                + " price right (%d products and bundles), and asked again, none cost a catalog lookup", aloneBin,
                priced), new Evidence.Count("prices right", priced, priced));
    }

    /** A bundle's parts: the one given, at a drawn place, and one to three more in none of the bins given. */
    private static List<String> parts(String given, SplittableRandom random, Set<Integer> notInBins) {
        List<String> parts = new ArrayList<>();
        int others = random.nextInt(1, 4);
        while (parts.size() < others) {
            String part = Skus.product(random, notInBins);
            if (!parts.contains(part) && !part.equals(given)) {
                parts.add(part);
            }
        }
        parts.add(random.nextInt(parts.size() + 1), given);
        return parts;
    }

    /** Prices the bundles, one caller each, all at once; null if every price came back right and cheap again. */
    private static Finding price(Class<? extends Prices> implementation, ScriptedCatalog catalog, List<String> kits,
            Trial trial) throws InterruptedException {
        Prices prices = Subjects.create(implementation, catalog);
        CountDownLatch go = new CountDownLatch(1);
        List<WatchedCall<Long>> callers = new ArrayList<>();
        for (int i = 0; i < kits.size(); i++) {
            String kit = kits.get(i);
            callers.add(new WatchedCall<>("pricing-" + (i + 1), () -> {
                go.await();
                return prices.priceOf(kit);
            }));
        }
        callers.forEach(WatchedCall::start);
        go.countDown();
        long start = System.nanoTime();
        long end = start + Math.min(PATIENCE.toNanos(), Math.max(0, trial.remaining().toNanos()));
        Optional<Evidence.LockCycle> cycle = Optional.empty();
        while (callers.stream().anyMatch(c -> !c.ended()) && System.nanoTime() < end) {
            // A cycle of monitors is for good the moment ThreadMXBean sees it: no need to wait for it.
            if (System.nanoTime() - start > CYCLE_CHECKS_FROM.toNanos()) {
                cycle = DeadlockDetector.findCycle(trial.lockNames());
                if (cycle.isPresent()) {
                    break;
                }
            }
            Thread.sleep(1);
        }
        if (cycle.isPresent()) {
            return deadlocked(catalog, kits, cycle.get(), trial);
        }
        for (int i = 0; i < callers.size(); i++) {
            WatchedCall<Long> caller = callers.get(i);
            String kit = kits.get(i);
            if (!caller.ended()) {
                return trial.notWorking(String.format(Locale.ROOT, "priceOf(\"%s\") did not return within %,d ms (a"
                        + " price takes about 20 ms to work out)", kit, PATIENCE.toMillis()),
                        new Evidence.Threads("Where " + caller.thread().getName() + " was",
                                ThreadViews.of(List.of(caller.thread().threadId()), trial.lockNames())));
            }
            if (caller.thrown() != null) {
                return thrown(caller, kit, catalog, trial);
            }
            if (caller.result() != catalog.expected(kit)) {
                return trial.notWorking(String.format(Locale.ROOT, "priceOf(\"%s\") returned %d cents; the bundle's"
                        + " parts %s cost %d cents less 10%%: %d", kit, caller.result(), catalog.partsOfBundle(kit),
                        catalog.partsOfBundle(kit).stream().mapToLong(catalog::expected).sum(), catalog.expected(kit)));
            }
        }
        if (kits.size() > 1 && !catalog.workedOutAtOnce()) {
            return trial.notWorking(String.format(Locale.ROOT, "pricing-1 and pricing-2 took turns: the bundles %s"
                    + " were never worked out at the same time (their catalog lookups never overlapped). The contract"
                    + " says a caller working out a price never makes another wait for a price it works out", kits));
        }
        return askedAgain(prices, catalog, trial);
    }

    /** Every price asked again: right, and no catalog call. */
    private static Finding askedAgain(Prices prices, ScriptedCatalog catalog, Trial trial) {
        int before = catalog.calls();
        List<String> all = catalog.bundles().stream()
                .flatMap(kit -> Stream.concat(Stream.of(kit), catalog.partsOfBundle(kit).stream())).distinct().toList();
        for (String sku : all) {
            long again = prices.priceOf(sku);
            if (again != catalog.expected(sku)) {
                return trial.notWorking(String.format(Locale.ROOT, "asked again, priceOf(\"%s\") returned %d cents,"
                        + " not %d", sku, again, catalog.expected(sku)));
            }
        }
        if (catalog.calls() != before) {
            return trial.notWorking(String.format(Locale.ROOT, "asked again for %d prices it had worked out, it called"
                    + " the catalog %d more times: the contract says a known price costs no catalog lookup",
                    all.size(), catalog.calls() - before));
        }
        return null;
    }

    private static Finding thrown(WatchedCall<Long> caller, String kit, ScriptedCatalog catalog, Trial trial) {
        Throwable thrown = caller.thrown();
        String neighbour = catalog.partsOfBundle(kit).stream().filter(p -> Skus.bin(p) == Skus.bin(kit)).findFirst()
                .orElse(null);
        boolean recursive = thrown instanceof IllegalStateException && "Recursive update".equals(thrown.getMessage())
                || thrown instanceof ConcurrentModificationException;
        Evidence.Threads stack = new Evidence.Threads("What " + caller.thread().getName() + " got",
                List.of(ThreadViews.thrown(caller.thread().getName(), thrown)));
        if (!recursive) {
            return trial.notWorking(String.format(Locale.ROOT, "priceOf(\"%s\") threw %s", kit, thrown), stack);
        }
        String where = neighbour == null
                ? "another price"
                : String.format(Locale.ROOT, "its part \"%s\", which falls in the same bin of the map's table (bin %d"
                        + " of %d)", neighbour, Skus.bin(kit), Skus.TABLE);
        return trial.reproduced(FailureKind.DEADLOCK, String.format(Locale.ROOT, "priceOf(\"%s\") threw %s: the"
                + " function that works out \"%s\" inside computeIfAbsent asked the same map for %s. The map was"
                + " updated from inside one of its own updates; JDK %s detects it and throws (JDK 8 looped forever"
                + " instead), and with two callers the same code deadlocks", kit, thrown, kit, where,
                Runtime.version().feature()), stack,
                new Evidence.Note(String.format(Locale.ROOT, "Seen on JDK %s: %s, for a key in the bin of the key"
                        + " being computed. For a part in another bin the same call succeeds, unless the table grows"
                        + " meanwhile, so the failure comes and goes with the SKUs.", Runtime.version(),
                        thrown.getClass().getSimpleName())));
    }

    private static Finding deadlocked(ScriptedCatalog catalog, List<String> kits, Evidence.LockCycle cycle,
            Trial trial) {
        String first = kits.get(0);
        String second = kits.get(1);
        String firstsPart = catalog.partsOfBundle(first).stream().filter(p -> Skus.bin(p) == Skus.bin(second))
                .findFirst().orElse("?");
        String secondsPart = catalog.partsOfBundle(second).stream().filter(p -> Skus.bin(p) == Skus.bin(first))
                .findFirst().orElse("?");
        return trial.reproduced(FailureKind.DEADLOCK, String.format(Locale.ROOT, "pricing-1 and pricing-2 are"
                + " deadlocked inside the map: pricing-1 works out \"%s\" in computeIfAbsent, holding the lock of"
                + " its bin (%d), and wants the bin of its part \"%s\" (%d), which pricing-2 holds while it works out"
                + " \"%s\", whose part \"%s\" is in pricing-1's bin. Neither computeIfAbsent can end", first,
                Skus.bin(first), firstsPart, Skus.bin(firstsPart), second, secondsPart), cycle,
                new Evidence.Note("The locks are the bins' first nodes, which computeIfAbsent holds while the function"
                        + " runs (a ReservationNode for a key not in the map yet): ThreadMXBean and jstack see this"
                        + " cycle, as \"Found one Java-level deadlock\"."));
    }
}
