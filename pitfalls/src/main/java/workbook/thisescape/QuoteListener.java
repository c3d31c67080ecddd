package workbook.thisescape;

/** Receives the quotes of a {@link QuoteFeed}. */
@FunctionalInterface
public interface QuoteListener {

    /**
     * Called on the feed's dispatcher thread, which delivers every quote to every subscriber in turn: return promptly,
     * never block, or every other subscriber waits too.
     */
    void onQuote(Quote quote);
}
