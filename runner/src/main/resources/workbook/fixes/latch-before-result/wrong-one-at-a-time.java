package workbook.latchbeforeresult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

// Wrong fix: drop the pool and the latch and wait for each price in turn. Every price is there, but the requests go
// out one after another, so a basket takes the sum of the service's times instead of the longest of them.
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
    public Map<String, Long> prices(List<String> items) {
        Map<String, Long> prices = new HashMap<>();
        for (String item : items) {
            prices.put(item, service.priceOf(item).join());
        }
        return prices;
    }
}
