package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Wrong fix: catch the carrier's 429 and try again after a short back-off, until it answers. The carts now get their
// prices, but the carrier still gets far more calls at once than it allows and refuses them by the hundred: the
// overload is hidden from the callers, not taken off the carrier.
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
                quotes.add(executor.submit(() -> quoteWithRetries(parcel)));
            }
            List<Long> prices = new ArrayList<>();
            for (Future<Long> quote : quotes) {
                prices.add(quote.get());
            }
            return prices;
        }
    }

    private long quoteWithRetries(Parcel parcel) throws InterruptedException {
        for (int attempt = 1;; attempt++) {
            try {
                return carrier.quote(parcel);
            } catch (TooManyRequestsException busy) {
                Thread.sleep(Math.min(50, 5L * attempt)); // back off, then try again
            }
        }
    }
}
