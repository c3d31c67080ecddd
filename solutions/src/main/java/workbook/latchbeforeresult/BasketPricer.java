package workbook.latchbeforeresult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

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
            // priceOf only sends the request: count the item as answered once its price is in the map.
            workers.execute(() -> service.priceOf(item).thenAccept(cents -> prices.put(item, cents))
                    .whenComplete((done, failure) -> answered.countDown()));
        }
        answered.await();
        return prices;
    }
}
