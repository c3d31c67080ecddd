package workbook.recursivecompute;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The catalog of one round: its bundles and their parts, a lookup of 2 to 4 ms and a list price of 1 to 2 ms. The
 * lookups of the bundles named "together" wait for each other (up to {@link #TOGETHER_WAIT}), as a catalog that
 * batches its queries answers them at once: so two callers work those bundles out at the same time, unless the code
 * under test makes one wait for the other. Counts the calls.
 */
final class ScriptedCatalog implements Catalog {

    static final Duration TOGETHER_WAIT = Duration.ofMillis(200);

    private final Map<String, List<String>> bundles;
    private final Set<String> together;
    private final AtomicInteger lookupsInFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger total = new AtomicInteger();

    ScriptedCatalog(Map<String, List<String>> bundles, Set<String> together) {
        this.bundles = Map.copyOf(bundles);
        this.together = Set.copyOf(together);
    }

    @Override
    public List<String> partsOf(String sku) {
        total.incrementAndGet();
        pause(2 + Math.floorMod(sku.hashCode(), 3));
        if (together.contains(sku)) {
            // Both lookups in flight at the same moment, not merely both made: a caller that waited for the other's
            // whole work finds the other's lookup over.
            lookupsInFlight.accumulateAndGet(1, Integer::sum);
            try {
                long end = System.nanoTime() + TOGETHER_WAIT.toNanos();
                while (mostInFlight.get() < 2 && System.nanoTime() < end) {
                    mostInFlight.accumulateAndGet(lookupsInFlight.get(), Math::max);
                    Thread.sleep(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                lookupsInFlight.decrementAndGet();
            }
        }
        return bundles.getOrDefault(sku, List.of());
    }

    @Override
    public long listPrice(String sku) {
        total.incrementAndGet();
        pause(1 + Math.floorMod(sku.hashCode(), 2));
        return listPriceOf(sku);
    }

    /** Every product's list price: 5.00 to 204.99. */
    static long listPriceOf(String sku) {
        return 500 + Math.floorMod(sku.hashCode() * 31L, 20_000);
    }

    /** The right price of a product or bundle. */
    long expected(String sku) {
        List<String> parts = bundles.get(sku);
        return parts == null ? listPriceOf(sku) : parts.stream().mapToLong(this::expected).sum() * 90 / 100;
    }

    Set<String> bundles() {
        return bundles.keySet();
    }

    List<String> partsOfBundle(String sku) {
        return bundles.get(sku);
    }

    /** The two bundles' lookups were seen at the same time. */
    boolean workedOutAtOnce() {
        return mostInFlight.get() >= 2;
    }

    int calls() {
        return total.get();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the catalog call was interrupted", e);
        }
    }
}
