package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

// Wrong fix: never give the buffer back while a write might use it: never give it back at all. Every line
// arrives, and the pool loses a buffer per line.
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
        buffer.put(line.getBytes(StandardCharsets.UTF_8)).flip();
        writers.execute(() -> channel.write(buffer));
    }
}
