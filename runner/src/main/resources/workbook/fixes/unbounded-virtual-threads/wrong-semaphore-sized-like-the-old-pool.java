package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

// Wrong fix: a shared Semaphore, sized like the Tomcat pool of 200 threads that used to bound the calls before the
// move to virtual threads. It bounds something, but not to the carrier's limit: the carrier still refuses the calls
// over it.
// expect: STILL BROKEN

/** Quotes every parcel of a cart at once, on virtual threads: a cart takes as long as its slowest quote. */
public class ShippingQuotes implements ShippingQuoter {

    private final CarrierApi carrier;
    private final Semaphore calls = new Semaphore(200);

    public ShippingQuotes(CarrierApi carrier) {
        this.carrier = carrier;
    }

    @Override
    public List<Long> quoteAll(List<Parcel> parcels) throws InterruptedException, ExecutionException {
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
