package workbook.uninterruptibleio;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

// Wrong fix: since JDK 21 an interrupt does end a socket read on a virtual thread, so the reading moves to one, and
// the task waits for it in join(). cancel(true) interrupts the task's thread, whose join() throws; the task ends. But
// nobody interrupts the virtual thread: it goes on reading, with the connection open, and hands on the next quote.
// expect: STILL BROKEN

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
            Thread reader = Thread.ofVirtual().name("quote-reader").start(() -> read(onQuote));
            reader.join(); // interruptible, unlike the read
            return null;
        });
    }

    private void read(Consumer<String> onQuote) {
        try (Socket socket = new Socket(server.getAddress(), server.getPort());
                BufferedReader quotes = new BufferedReader(
                        new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            String quote;
            while (!Thread.currentThread().isInterrupted() && (quote = quotes.readLine()) != null) {
                onQuote.accept(quote);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
