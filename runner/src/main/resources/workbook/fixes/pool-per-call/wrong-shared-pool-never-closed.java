package workbook.poolpercall;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Wrong fix: one pool for the finder, shared by every call, as the lesson suggests, but never shut down: when the
// application is done with the finder (close()), its threads wait for work forever.
// expect: DOES NOT WORK

/** Asks every vendor for a quote at once and returns the lowest. */
public class PriceComparison implements PriceFinder {

    private final List<Vendor> vendors;
    private final ExecutorService pool;

    public PriceComparison(List<Vendor> vendors) {
        this.vendors = List.copyOf(vendors);
        this.pool = Executors.newFixedThreadPool(vendors.size());
    }

    @Override
    public long lowestPrice(String sku) throws InterruptedException, ExecutionException {
        List<Future<Long>> quotes = new ArrayList<>();
        for (Vendor vendor : vendors) {
            quotes.add(pool.submit(() -> vendor.quote(sku)));
        }
        long lowest = Long.MAX_VALUE;
        for (Future<Long> quote : quotes) {
            lowest = Math.min(lowest, quote.get());
        }
        return lowest;
    }
}
