package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

// Right fix, another way: the shared Semaphore is taken by the caller before it starts each parcel's virtual thread,
// and given back by that thread when its quote is in. At most the carrier's limit of quotes is in progress, counting
// every cart, and no more threads are started than can call the carrier: the others wait, unstarted, in the loop.
// expect: FIXED

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
                calls.acquire();
                try {
                    quotes.add(executor.submit(() -> {
                        try {
                            return carrier.quote(parcel);
                        } finally {
                            calls.release();
                        }
                    }));
                } catch (RuntimeException notStarted) {
                    calls.release();
                    throw notStarted;
                }
            }
            List<Long> prices = new ArrayList<>();
            for (Future<Long> quote : quotes) {
                prices.add(quote.get());
            }
            return prices;
        }
    }
}
