package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/** Quotes every parcel of a cart at once, on virtual threads: a cart takes as long as its slowest quote. */
public class ShippingQuotes implements ShippingQuoter {

    private final CarrierApi carrier;
    /** The carrier's limit, shared by every cart being quoted: threads are cheap, the carrier's capacity is not. */
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
                quotes.add(executor.submit(() -> quote(parcel)));
            }
            List<Long> prices = new ArrayList<>();
            for (Future<Long> quote : quotes) {
                prices.add(quote.get());
            }
            return prices;
        }
    }

    /** Waits for one of the carrier's slots, so that no more calls are in progress than it allows. */
    private long quote(Parcel parcel) throws InterruptedException {
        calls.acquire();
        try {
            return carrier.quote(parcel);
        } finally {
            calls.release();
        }
    }
}
