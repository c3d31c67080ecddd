package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

// Wrong fix: the Semaphore of the solution, but made in quoteAll, one per call. Each cart keeps to the carrier's
// limit by itself; carts quoted at the same time add up, and the carrier refuses what goes over.
// expect: STILL BROKEN

/** Quotes every parcel of a cart at once, on virtual threads: a cart takes as long as its slowest quote. */
public class ShippingQuotes implements ShippingQuoter {

    private final CarrierApi carrier;

    public ShippingQuotes(CarrierApi carrier) {
        this.carrier = carrier;
    }

    @Override
    public List<Long> quoteAll(List<Parcel> parcels) throws InterruptedException, ExecutionException {
        Semaphore calls = new Semaphore(carrier.concurrentCallLimit());
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> quotes = new ArrayList<>();
            for (Parcel parcel : parcels) {
                quotes.add(executor.submit(() -> {
                    calls.acquire();
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
