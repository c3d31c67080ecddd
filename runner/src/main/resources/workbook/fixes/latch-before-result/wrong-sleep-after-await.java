package workbook.latchbeforeresult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

// Wrong fix: a sleep after await() "to let the last callbacks land". It covers only the answers that come sooner
// than the sleep; any slower answer is still missing, and every basket waits the full sleep however fast it was.
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
                    service.priceOf(item).thenAccept(cents -> prices.put(item, cents));
                } finally {
                    answered.countDown();
                }
            });
        }
        answered.await();
        Thread.sleep(1_000);
        return prices;
    }
}
