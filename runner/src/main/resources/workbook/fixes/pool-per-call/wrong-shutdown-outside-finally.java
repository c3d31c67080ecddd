package workbook.poolpercall;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Wrong fix: shutdown() as the last step before return, outside a finally block. When a vendor fails,
// quote.get() throws first, the shutdown is skipped, and every failed call leaks its pool.
// expect: STILL BROKEN

/** Asks every vendor for a quote at once and returns the lowest. */
public class PriceComparison implements PriceFinder {

    private final List<Vendor> vendors;

    public PriceComparison(List<Vendor> vendors) {
        this.vendors = List.copyOf(vendors);
    }

    @Override
    public long lowestPrice(String sku) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(vendors.size());
        List<Future<Long>> quotes = new ArrayList<>();
        for (Vendor vendor : vendors) {
            quotes.add(pool.submit(() -> vendor.quote(sku)));
        }
        long lowest = Long.MAX_VALUE;
        for (Future<Long> quote : quotes) {
            lowest = Math.min(lowest, quote.get());
        }
        pool.shutdown();
        return lowest;
    }
}
