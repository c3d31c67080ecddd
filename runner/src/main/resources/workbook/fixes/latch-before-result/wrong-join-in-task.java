package workbook.latchbeforeresult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

// Wrong fix: join() the future inside the task, before counting down. Every price is in before prices() returns,
// but each task now holds a pool thread for the whole round trip: with 3 workers, the 4th and 5th requests are not
// even sent until earlier ones have been answered. The contract says every request is in flight together.
// expect: DOES NOT WORK

/** Prices a basket: asks for every item's price in parallel and waits until all of them have answered. */
public class BasketPricer implements Pricer {

    private final PriceService service;
    private final Executor workers;

    public BasketPricer(PriceService service, Executor workers) {
        this.service = service;
        this.workers = workers;
    }

    @Override
    public Map<String, Long> prices(List<String> items) throws InterruptedException {
        Map<String, Long> prices = new ConcurrentHashMap<>();
        CountDownLatch answered = new CountDownLatch(items.size());
        for (String item : items) {
            workers.execute(() -> {
                try {
                    prices.put(item, service.priceOf(item).join());
                } finally {
                    answered.countDown();
                }
            });
        }
        answered.await();
        return prices;
    }
}
