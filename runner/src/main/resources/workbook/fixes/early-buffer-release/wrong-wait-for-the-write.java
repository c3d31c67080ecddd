package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: wait for the write, then give the buffer back. Every line arrives, but ship() now waits for the
// network, and the contract says it returns at once.
// expect: DOES NOT WORK

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
        try {
            buffer.put(line.getBytes(StandardCharsets.UTF_8)).flip();
            CompletableFuture.runAsync(() -> channel.write(buffer), writers).join();
        } finally {
            buffers.release(buffer);
        }
    }
}
