package workbook.uninterruptibleio;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The quote server, a real one on 127.0.0.1 at a port the system picks. It accepts subscribers' connections, sends
 * what it is given to every connection it has not ended, and watches each one for the subscriber's close: a read that
 * returns -1, the only way a server learns that its client let go of the connection.
 */
final class QuoteServer implements AutoCloseable {

    static final String NAME = "quote-server";

    /** One subscriber's connection, as the server sees it; times are {@link System#nanoTime()} values, 0 if not yet. */
    static final class Connection {

        private final int number;
        private final Socket socket;
        private final long acceptedAt = System.nanoTime();
        private volatile long closedByClientAt;
        private volatile long endedAt;
        private volatile boolean writeFailed;

        private Connection(int number, Socket socket) {
            this.number = number;
            this.socket = socket;
        }

        int number() {
            return number;
        }

        /** The subscriber's end, as {@code ss -tn} shows it. */
        String client() {
            return socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        }

        long acceptedAt() {
            return acceptedAt;
        }

        long closedByClientAt() {
            return closedByClientAt;
        }

        boolean closedByClient() {
            return closedByClientAt != 0;
        }

        /** When the server ended the feed on this connection, 0 if it has not. */
        long endedAt() {
            return endedAt;
        }

        private void send(byte[] bytes) {
            if (endedAt != 0 || writeFailed) {
                return;
            }
            try {
                OutputStream out = socket.getOutputStream();
                out.write(bytes);
                out.flush();
            } catch (IOException e) {
                // The subscriber is gone; its close is what the watcher reports.
                writeFailed = true;
            }
        }

        /** Ends the feed on this connection: the subscriber reads the end of the stream, and should then close. */
        private void end() {
            if (endedAt == 0) {
                endedAt = System.nanoTime();
                try {
                    socket.shutdownOutput();
                } catch (IOException e) {
                    // Already closed by the subscriber.
                }
            }
        }

        /** Reads until the subscriber closes its end (-1, or a reset), or the server closes this one. */
        private void watch() {
            try {
                InputStream in = socket.getInputStream();
                while (in.read() >= 0) {
                    // A subscriber sends nothing; whatever it sends is ignored.
                }
                closedByClientAt = System.nanoTime();
            } catch (IOException e) {
                if (!socket.isClosed()) {
                    closedByClientAt = System.nanoTime();
                }
            }
        }
    }

    private final ServerSocket listener;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();

    private QuoteServer(ServerSocket listener) {
        this.listener = listener;
    }

    static QuoteServer start() throws IOException {
        QuoteServer server = new QuoteServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        Thread acceptor = new Thread(server::accept, NAME);
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    InetSocketAddress address() {
        return new InetSocketAddress(listener.getInetAddress(), listener.getLocalPort());
    }

    private void accept() {
        try {
            while (true) {
                Socket socket = listener.accept();
                socket.setTcpNoDelay(true);
                Connection connection = new Connection(connections.size() + 1, socket);
                connections.add(connection);
                Thread watcher = new Thread(connection::watch, NAME + "-" + connection.number());
                watcher.setDaemon(true);
                watcher.start();
            }
        } catch (IOException e) {
            // The listener was closed: the server is done.
        }
    }

    /** The connections accepted so far, in the order they came. */
    List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** Sends {@code text} to every connection the server has not ended. */
    void send(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        connections.forEach(connection -> connection.send(bytes));
    }

    void end(Connection connection) {
        connection.end();
    }

    /** Closes the listener and every connection, which ends the watchers and any read still waiting on the feed. */
    @Override
    public void close() throws IOException {
        listener.close();
        for (Connection connection : connections) {
            connection.end();
            connection.socket.close();
        }
    }
}
