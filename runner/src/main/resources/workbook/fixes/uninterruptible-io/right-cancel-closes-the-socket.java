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

// Right fix, another way: each subscription's future closes its own socket when cancelled ("Java Concurrency in
// Practice", 7.1.6). Closing a socket ends a read blocked on it, on any thread. It cancels first, then closes, so that
// the read the close ends cannot complete the future with a SocketException before the cancel does.
// expect: FIXED

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
        Socket socket = new Socket(); // connected by the task; closed by a cancel, whenever it comes
        FutureTask<Void> subscription = new FutureTask<>(() -> {
            read(socket, onQuote);
            return null;
        }) {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                boolean cancelled = super.cancel(mayInterruptIfRunning);
                try {
                    socket.close();
                } catch (IOException e) {
                    // closed all the same
                }
                return cancelled;
            }
        };
        executor.execute(subscription);
        return subscription;
    }

    private void read(Socket socket, Consumer<String> onQuote) throws IOException {
        try (socket) {
            socket.connect(server);
            BufferedReader quotes = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String quote;
            while (!Thread.currentThread().isInterrupted() && (quote = quotes.readLine()) != null) {
                onQuote.accept(quote);
            }
        }
    }
}
