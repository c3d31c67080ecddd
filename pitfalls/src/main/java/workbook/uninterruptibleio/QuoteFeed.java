package workbook.uninterruptibleio;

import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Subscriptions to the quote server's feed, one quote a line. Made with the server's address and the executor the feed
 * is read on.
 */
public interface QuoteFeed {

    /**
     * Connects to the quote server and hands every quote it sends to {@code onQuote}, whole and in order, on a thread of
     * the executor given, until the server ends the feed or the returned future is cancelled. Returns at once. One
     * connection per subscription, closed when the subscription ends.
     *
     * <p>A quiet feed has not ended: quotes may pause for any time, even in the middle of a line, and the subscription
     * waits for them. {@code cancel(true)} on the returned future ends the subscription within 200 ms, quiet feed or
     * not: no quote is handed over after it, its connection is closed, and its thread is back in the executor. Other
     * subscriptions go on, and the executor stays running: others use it.
     */
    Future<?> subscribe(Consumer<String> onQuote);
}
