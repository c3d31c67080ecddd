package workbook.poolpercall;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Wrong fix: a cached pool per call, "because idle threads time out". They do, after 60 seconds; until then every
// call leaves its threads alive, and under steady traffic the live threads are the calls of the last minute times 3.
// expect: STILL BROKEN

/** Asks every vendor for a quote at once and returns the lowest. */
public class PriceComparison implements PriceFinder {

    private final List<Vendor> vendors;

    public PriceComparison(List<Vendor> vendors) {
        this.vendors = List.copyOf(vendors);
    }

    @Override
    public long lowestPrice(String sku) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newCachedThreadPool();
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
