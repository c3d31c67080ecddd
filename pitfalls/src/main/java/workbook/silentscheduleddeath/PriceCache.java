package workbook.silentscheduleddeath;

/**
 * The shop's prices, served from memory. After {@link #start()} they are reloaded from the feed once every period,
 * in the background, on the scheduler the cache was given. A reload that fails is reported to the
 * {@link ErrorReporter}, and the next period tries again.
 */
public interface PriceCache {

    void start();

    /** The price in cents, or {@code null} if the SKU is unknown. */
    Long price(String sku);
}
