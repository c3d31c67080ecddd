package workbook.silentscheduleddeath;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: catch and ignore. The refreshes go on, but nobody ever hears that one failed.
// expect: STILL BROKEN

/** Serves prices from memory and reloads them from the price feed every period. */
public class PriceRefresher implements PriceCache {

    private final ScheduledExecutorService scheduler;
    private final PriceFeed feed;
    private final ErrorReporter errors;
    private final Duration period;
    private volatile Map<String, Long> prices = Map.of();

    public PriceRefresher(ScheduledExecutorService scheduler, PriceFeed feed, ErrorReporter errors,
            Duration period) {
        this.scheduler = scheduler;
        this.feed = feed;
        this.errors = errors;
        this.period = period;
    }

    @Override
    public void start() {
        scheduler.scheduleAtFixedRate(this::refresh, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public Long price(String sku) {
        return prices.get(sku);
    }

    private void refresh() {
        try {
            Map<String, Long> latest = feed.fetchPrices();
            if (latest.isEmpty()) {
                errors.report("the price feed sent no prices; keeping the old ones", null);
                return;
            }
            prices = Map.copyOf(latest);
        } catch (RuntimeException e) {
            // keep the old prices
        }
    }
}
