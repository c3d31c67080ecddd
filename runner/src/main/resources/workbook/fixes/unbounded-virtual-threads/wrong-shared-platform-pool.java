package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Wrong fix: one platform pool for every cart, with as many threads as the carrier allows calls. The calls are within
// the limit, and as many at once as it allows; but the pool lives across calls and nobody shuts it down, so its threads
// outlive every call, which the contract rules out (it keeps no threads between calls).
// expect: DOES NOT WORK

/** Quotes every parcel of a cart at once, on virtual threads: a cart takes as long as its slowest quote. */
public class ShippingQuotes implements ShippingQuoter {

    private final CarrierApi carrier;
    private final ExecutorService pool;

    public ShippingQuotes(CarrierApi carrier) {
        this.carrier = carrier;
        this.pool = Executors.newFixedThreadPool(carrier.concurrentCallLimit());
    }

    @Override
    public List<Long> quoteAll(List<Parcel> parcels) throws InterruptedException, ExecutionException {
        List<Future<Long>> quotes = new ArrayList<>();
        for (Parcel parcel : parcels) {
            quotes.add(pool.submit(() -> carrier.quote(parcel)));
        }
        List<Long> prices = new ArrayList<>();
        for (Future<Long> quote : quotes) {
            prices.add(quote.get());
        }
        return prices;
    }
}
