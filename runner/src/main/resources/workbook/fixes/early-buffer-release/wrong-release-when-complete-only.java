package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: the write as a CompletableFuture on the writer pool, and the buffer given back when it completes,
// whether it succeeded or failed. But runAsync throws when the pool refuses the write (once shut down), before any
// future exists to complete: the buffer of a refused line never goes back.
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
        CompletableFuture.runAsync(() -> channel.write(buffer), writers)
                .whenComplete((done, failure) -> buffers.release(buffer));
    }
}
