package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

// Wrong fix: spread the calls out with a random pause of up to 50 ms before each one. Every parcel's thread still
// starts at once and sleeps at once, so the carts' calls land in the same 50 ms: tens in progress at once, far over
// the carrier's limit. A pause limits nothing; only counting the calls in progress does.
// expect: STILL BROKEN

/** Quotes every parcel of a cart at once, on virtual threads: a cart takes as long as its slowest quote. */
public class ShippingQuotes implements ShippingQuoter {

    private final CarrierApi carrier;

    public ShippingQuotes(CarrierApi carrier) {
        this.carrier = carrier;
    }

    @Override
    public List<Long> quoteAll(List<Parcel> parcels) throws InterruptedException, ExecutionException {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Long>> quotes = new ArrayList<>();
            for (Parcel parcel : parcels) {
                quotes.add(executor.submit(() -> {
                    Thread.sleep(ThreadLocalRandom.current().nextInt(50)); // don't hit the carrier all at once
                    return carrier.quote(parcel);
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
