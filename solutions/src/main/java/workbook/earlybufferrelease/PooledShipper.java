package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/** Ships each line from a pooled buffer, on the writer pool, so that logging never waits for the network. */
public class PooledShipper implements Shipper {

    private final BufferPool buffers;
    private final Executor writers;
    private final Channel channel;

    public PooledShipper(BufferPool buffers, Executor writers, Channel channel) {
        this.buffers = buffers;
        this.writers = writers;
        this.channel = channel;
    }

    @Override
    public void ship(String line) {
        ByteBuffer buffer = buffers.acquire();
        buffer.put(line.getBytes(StandardCharsets.UTF_8)).flip();
        // The write reads the buffer later, on a writer thread: it goes back to the pool when that write is done,
        // or at once if the pool refuses the write, which then never runs.
        try {
            writers.execute(() -> {
                try {
                    channel.write(buffer);
                } finally {
                    buffers.release(buffer);
                }
            });
        } catch (RejectedExecutionException refused) {
            buffers.release(buffer);
            throw refused;
        }
    }
}
