package workbook.uninterruptibleio;

import java.io.BufferedReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

// Right fix, another way: keep the Socket, but read it through Channels.newChannel(InputStream). That channel is an
// interruptible one: an interrupt of a thread blocked in its read closes the channel, which closes the stream under
// it, and so the socket; the read throws ClosedByInterruptException.
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
        return executor.submit(() -> {
            try (Socket socket = new Socket(server.getAddress(), server.getPort());
                    BufferedReader quotes = new BufferedReader(Channels.newReader(
                            Channels.newChannel(socket.getInputStream()), StandardCharsets.UTF_8))) {
                String quote;
                while (!Thread.currentThread().isInterrupted() && (quote = quotes.readLine()) != null) {
                    onQuote.accept(quote);
                }
            }
            return null;
        });
    }
}
