package workbook.unboundedvirtualthreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
                quotes.add(executor.submit(() -> carrier.quote(parcel)));
            }
            List<Long> prices = new ArrayList<>();
            for (Future<Long> quote : quotes) {
                prices.add(quote.get());
            }
            return prices;
        }
    }
}
