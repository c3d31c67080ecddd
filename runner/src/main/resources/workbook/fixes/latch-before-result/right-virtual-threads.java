package workbook.latchbeforeresult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

// Right fix, another way: one virtual thread per item that waits for its own price and puts it; prices() joins the
// threads. A blocked virtual thread costs no pool thread, so every request is in flight together.
// expect: FIXED

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
        List<Thread> askers = new ArrayList<>();
        for (String item : items) {
            askers.add(Thread.ofVirtual().name("price-" + item)
                    .start(() -> prices.put(item, service.priceOf(item).join())));
        }
        for (Thread asker : askers) {
            asker.join();
        }
        return prices;
    }
}
