package workbook.thisescape;

/**
 * A trading desk's board: the last price of every symbol of a {@link QuoteFeed}, converted into the desk's currency.
 *
 * <p>A board is opened by a public static factory method taking {@code (QuoteFeed, FxRates, Currency)} and returning
 * the board, or else by its public constructor taking them; its callers then call {@link #start()}. From then on it
 * shows every quote the feed delivers to it, the replayed ones included, and it starts no thread of its own.
 */
public interface PriceBoard {

    /**
     * The line shown for a symbol, e.g. {@code "ACME 92.18 EUR"} (its last price, converted, with the currency's
     * usual decimals); {@code null} before its first quote. A quote shows here by the time the board's listener has
     * returned from {@code onQuote}.
     */
    String line(String symbol);

    /** Starts a board whose opening did not subscribe it to its feed; called once, right after opening. */
    default void start() {
    }
}
