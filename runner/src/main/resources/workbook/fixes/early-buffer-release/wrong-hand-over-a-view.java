package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;

// Wrong fix: hand the write a duplicate(), with a position and limit of its own. A duplicate is a view of the
// same bytes: when the next line is written into the pooled buffer, the view shows it.
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
            ByteBuffer view = buffer.duplicate();
            writers.execute(() -> channel.write(view));
        } finally {
            buffers.release(buffer);
        }
    }
}
