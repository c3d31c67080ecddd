package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

// Right fix, another way than the reference: copy the line out of the pooled buffer before handing it over, and
// give the buffer back at once. The write owns its copy; the pool saves less, but nothing is shared.
// expect: FIXED

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
            ByteBuffer copy = ByteBuffer.allocate(buffer.remaining()).put(buffer).flip();
            writers.execute(() -> channel.write(copy));
        } finally {
            buffers.release(buffer);
        }
    }
}
