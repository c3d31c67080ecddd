package workbook.uninterruptibleio;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

// Wrong fix: a read timeout, so that the loop gets back to its isInterrupted() check every 100 ms. But a timed-out
// read does not return: it throws SocketTimeoutException, which ends the subscription at the first quiet spell.
// expect: DOES NOT WORK

/** Streams quotes from the quote server to the dashboard's widgets, each subscription on a thread of the executor. */
public class QuoteFeedClient implements QuoteFeed {

    private final InetSocketAddress server;
    private final ExecutorService executor;

    public QuoteFeedClient(InetSocketAddress server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    @Override
    public Future<?> subscribe(Consumer<String> onQuote) {
        return executor.submit(() -> {
            try (Socket socket = new Socket(server.getAddress(), server.getPort());
                    BufferedReader quotes = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                socket.setSoTimeout(100); // come back to the loop's check at least every 100 ms
                String quote;
                while (!Thread.currentThread().isInterrupted() && (quote = quotes.readLine()) != null) {
                    onQuote.accept(quote);
                }
            }
            return null;
        });
    }
}
