package workbook.uninterruptibleio;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

// Wrong fix: never block in a read: sleep (which an interrupt does end) until the reader is ready(), then read. But
// ready() says only that some characters have come, not a whole line: a cancel while a quote is half there finds the
// subscription blocked in readLine() again, waiting for the rest, and it hands the quote over when it comes. (Nor does
// ready() ever say that the feed has ended: at the end of the stream it is false, as on a quiet feed.)
// expect: STILL BROKEN

/** Streams quotes from the quote server to the dashboard's widgets, each subscription on a thread of the executor. */
public class QuoteFeedClient implements QuoteFeed {

    private static final Duration POLL = Duration.ofMillis(10);

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
                while (true) {
                    while (!quotes.ready()) {
                        Thread.sleep(POLL); // throws InterruptedException on cancel(true)
                    }
                    String quote = quotes.readLine();
                    if (quote == null) {
                        return null;
                    }
                    onQuote.accept(quote);
                }
            }
        });
    }
}
