package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

// Wrong fix: the write copies the buffer first, so that nothing can change under it. The copy is made when the
// write runs, and by then the buffer is back in the pool and may hold a later line.
// expect: STILL BROKEN

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
            writers.execute(() -> {
                ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
                copy.put(buffer.duplicate()).flip();
                channel.write(copy);
            });
        } finally {
            buffers.release(buffer);
        }
    }
}
