package workbook.thisescape;

/** A market-data feed: quotes pushed to subscribers from the feed's own dispatcher thread. */
public interface QuoteFeed {

    /**
     * Subscribes a listener. So that it starts complete, a new subscriber is first sent the last quote of every
     * symbol (a replay), at once, from the dispatcher thread: some feeds return from this method at once, others
     * only once the replay is delivered. Then every new quote as it comes.
     */
    void subscribe(QuoteListener listener);
}
