package workbook.poolpercall;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Right fix, another way than the reference: a virtual thread per quote, and the executor closed with the call.
// expect: FIXED

/** Asks every vendor for a quote at once and returns the lowest. */
public class PriceComparison implements PriceFinder {

    private final List<Vendor> vendors;

    public PriceComparison(List<Vendor> vendors) {
        this.vendors = List.copyOf(vendors);
    }

    @Override
    public long lowestPrice(String sku) throws InterruptedException, ExecutionException {
        try (ExecutorService quotesInFlight = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> quotes = new ArrayList<>();
            for (Vendor vendor : vendors) {
                quotes.add(quotesInFlight.submit(() -> vendor.quote(sku)));
            }
            long lowest = Long.MAX_VALUE;
            for (Future<Long> quote : quotes) {
                lowest = Math.min(lowest, quote.get());
            }
            return lowest;
        }
    }
}
