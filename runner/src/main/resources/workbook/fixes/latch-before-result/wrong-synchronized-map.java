package workbook.latchbeforeresult;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

// Wrong fix: a synchronized map, as if the prices were there but not yet visible. They are not there yet: the
// latch still counts down when the request is sent, before the price is written.
// expect: STILL BROKEN

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
        Map<String, Long> prices = Collections.synchronizedMap(new HashMap<>());
        CountDownLatch answered = new CountDownLatch(items.size());
        for (String item : items) {
            workers.execute(() -> {
                try {
                    service.priceOf(item).thenAccept(cents -> prices.put(item, cents));
                } finally {
                    answered.countDown();
                }
            });
        }
        answered.await();
        synchronized (prices) {
            return prices;
        }
    }
}
