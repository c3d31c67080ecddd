package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

// Wrong fix: a shared Semaphore sized to the carrier's limit, taken with tryAcquire, and a quote that finds no permit
// is skipped (null). The carrier is never over its limit, but the cart comes back with holes in it and no error:
// those parcels were dropped silently, where the contract says they wait for their turn.
// expect: DOES NOT WORK

/** Quotes every parcel of a cart at once, on virtual threads: a cart takes as long as its slowest quote. */
public class ShippingQuotes implements ShippingQuoter {

    private final CarrierApi carrier;
    private final Semaphore calls;

    public ShippingQuotes(CarrierApi carrier) {
        this.carrier = carrier;
        this.calls = new Semaphore(carrier.concurrentCallLimit());
    }

    @Override
    public List<Long> quoteAll(List<Parcel> parcels) throws InterruptedException, ExecutionException {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> quotes = new ArrayList<>();
            for (Parcel parcel : parcels) {
                quotes.add(executor.submit(() -> {
                    if (!calls.tryAcquire()) {
                        return null; // the carrier is busy: skip this one rather than get a 429
                    }
                    try {
                        return carrier.quote(parcel);
                    } finally {
                        calls.release();
                    }
                }));
            }
            List<Long> prices = new ArrayList<>();
            for (Future<Long> quote : quotes) {
                prices.add(quote.get());
            }
            return prices;
        }
    }
}
