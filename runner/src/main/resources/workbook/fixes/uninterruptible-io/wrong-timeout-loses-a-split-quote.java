package workbook.uninterruptibleio;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

// Wrong fix: poll with a 50 ms read timeout, and carry on after each one while not interrupted. The cancel is seen in
// time, but a timeout in the middle of a line throws away the part of it readLine() had read: a quote that arrives in
// two parts, a pause apart, is handed over cut.
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
                socket.setSoTimeout(50);
                while (!Thread.currentThread().isInterrupted()) {
                    String quote;
                    try {
                        quote = quotes.readLine();
                    } catch (SocketTimeoutException quiet) {
                        continue; // nothing for 50 ms: check for a cancel, then read on
                    }
                    if (quote == null) {
                        break;
                    }
                    onQuote.accept(quote);
                }
            }
            return null;
        });
    }
}
