package workbook.uninterruptibleio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

// Wrong fix: the right idea, a cancel that closes the socket, with the socket in the wrong place. It is a field of the
// client, and every subscription puts its own there: a cancel closes the connection of whichever widget subscribed
// last (the chart's, which nobody cancelled), and the cancelled subscription reads on.
// expect: STILL BROKEN

/** Streams quotes from the quote server to the dashboard's widgets, each subscription on a thread of the executor. */
public class QuoteFeedClient implements QuoteFeed {

    private final InetSocketAddress server;
    private final ExecutorService executor;
    private volatile Socket socket;

    public QuoteFeedClient(InetSocketAddress server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    @Override
    public Future<?> subscribe(Consumer<String> onQuote) {
        FutureTask<Void> subscription = new FutureTask<>(() -> {
            read(onQuote);
            return null;
        }) {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                try {
                    socket.close(); // a blocked read ends only when its socket is closed
                } catch (IOException e) {
                    // closing anyway
                }
                return cancelled;
            }
        };
        executor.execute(subscription);
        return subscription;
    }

    private void read(Consumer<String> onQuote) throws IOException {
        try (Socket connection = new Socket(server.getAddress(), server.getPort());
                BufferedReader quotes = new BufferedReader(
                        new InputStreamReader(connection.getInputStream(), StandardCharsets.UTF_8))) {
            socket = connection;
            String quote;
            while (!Thread.currentThread().isInterrupted() && (quote = quotes.readLine()) != null) {
                onQuote.accept(quote);
            }
        }
    }
}
