package workbook.latchbeforeresult;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

// Right fix, another way: no latch. Keep the future of each put and wait for all of them; a future completes when
// its price is in the map, so the signal comes after the write.
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
    public Map<String, Long> prices(List<String> items) {
        Map<String, Long> prices = new ConcurrentHashMap<>();
        CompletableFuture<?>[] puts = items.stream()
                .map(item -> service.priceOf(item).thenAccept(cents -> prices.put(item, cents)))
                .toArray(CompletableFuture[]::new);
        CompletableFuture.allOf(puts).orTimeout(10, TimeUnit.SECONDS).join();
        return prices;
    }
}
