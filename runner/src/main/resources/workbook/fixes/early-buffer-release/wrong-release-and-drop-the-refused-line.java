package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

// Wrong fix: the buffer goes back when its write is done, or at once when the writer pool refuses the write. But the
// refusal stops there: ship() returns as if the line were on its way, it is lost, and its caller never knows.
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
        try {
            writers.execute(() -> {
                try {
                    channel.write(buffer);
                } finally {
                    buffers.release(buffer);
                }
            });
        } catch (RejectedExecutionException refused) {
            buffers.release(buffer); // shutting down: the line is dropped
        }
    }
}
