package workbook.uninterruptibleio;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

// Right fix, another way: poll. A 50 ms read timeout brings the thread back to its isInterrupted() check well within
// the 200 ms a cancel may take, and a timeout is no end of the feed: it reads on. The line is put together here, byte
// by byte from a BufferedInputStream (which keeps what it has read when a read times out), so a quote whose rest
// comes after a timeout is not cut. The price: a wake-up every 50 ms per subscription, quotes or not.
// expect: FIXED

/** Streams quotes from the quote server to the dashboard's widgets, each subscription on a thread of the executor. */
public class QuoteFeedClient implements QuoteFeed {

    private static final int POLL_MILLIS = 50;

    private final InetSocketAddress server;
    private final ExecutorService executor;

    public QuoteFeedClient(InetSocketAddress server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    @Override
    public Future<?> subscribe(Consumer<String> onQuote) {
        return executor.submit(() -> {
            try (Socket socket = new Socket(server.getAddress(), server.getPort())) {
                socket.setSoTimeout(POLL_MILLIS);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                while (!Thread.currentThread().isInterrupted()) {
                    int next;
                    try {
                        next = in.read();
                    } catch (SocketTimeoutException quiet) {
                        continue;
                    }
                    if (next < 0) {
                        break;
                    }
                    if (next == '\n') {
                        onQuote.accept(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(next);
                    }
                }
            }
            return null;
        });
    }
}
