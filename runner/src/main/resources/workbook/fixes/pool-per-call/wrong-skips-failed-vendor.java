package workbook.poolpercall;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Wrong fix: the pool is closed in every case, but a vendor that fails is quietly skipped, so the page shows a price
// that is not the lowest and nobody learns the vendor failed; the contract says its failure fails the call.
// expect: DOES NOT WORK

/** Asks every vendor for a quote at once and returns the lowest. */
public class PriceComparison implements PriceFinder {

    private final List<Vendor> vendors;

    public PriceComparison(List<Vendor> vendors) {
        this.vendors = List.copyOf(vendors);
    }

    @Override
    public long lowestPrice(String sku) throws InterruptedException, ExecutionException {
        try (ExecutorService pool = Executors.newFixedThreadPool(vendors.size())) {
            List<Future<Long>> quotes = new ArrayList<>();
            for (Vendor vendor : vendors) {
                quotes.add(pool.submit(() -> vendor.quote(sku)));
            }
            long lowest = Long.MAX_VALUE;
            for (Future<Long> quote : quotes) {
                try {
                    lowest = Math.min(lowest, quote.get());
                } catch (ExecutionException e) {
                    // one vendor down: the others still have a price
                }
            }
            return lowest;
        }
    }
}
