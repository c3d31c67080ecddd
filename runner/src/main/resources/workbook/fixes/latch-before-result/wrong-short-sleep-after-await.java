package workbook.latchbeforeresult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

// Wrong fix: a short sleep after await(), longer than the service usually takes. The answers that come later than
// the sleep are still missing when prices() returns.
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
        Map<String, Long> prices = new ConcurrentHashMap<>();
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
        Thread.sleep(100);
        return prices;
    }
}
