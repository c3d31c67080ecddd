package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

// Wrong fix: the buffer goes back when its write is done, in the task's finally. But a task the writer pool refuses
// (once it is shut down) never runs, and neither does its finally: every refused line keeps its buffer for good.
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
        // The write reads the buffer later, on a writer thread: it goes back to the pool when that write is done.
        writers.execute(() -> {
            try {
                channel.write(buffer);
            } finally {
                buffers.release(buffer);
            }
        });
    }
}
