package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

// Wrong fix: wait a moment before giving the buffer back, long enough for a write. On a busy writer pool the
// write has not started by then, and the next line goes into the buffer all the same.
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
            writers.execute(() -> channel.write(buffer));
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            buffers.release(buffer);
        }
    }
}
