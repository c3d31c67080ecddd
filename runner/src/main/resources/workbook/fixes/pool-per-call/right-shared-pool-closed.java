package workbook.poolpercall;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Right fix, another way than the reference: one pool for the finder, shared by every call (no threads created per
// call), and shut down when the application is done with the finder.
// expect: FIXED

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
        List<Callable<Long>> asks = vendors.stream().<Callable<Long>>map(vendor -> () -> vendor.quote(sku)).toList();
        long lowest = Long.MAX_VALUE;
        for (Future<Long> quote : pool.invokeAll(asks)) {
            lowest = Math.min(lowest, quote.get());
        }
        return lowest;
    }

    @Override
    public void close() {
        pool.close();
    }
}
