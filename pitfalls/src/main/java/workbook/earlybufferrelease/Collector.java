package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import workbook.harness.Delays;
import workbook.harness.Waits;

/**
 * The scenario's log collector at the far end of the channel: a write sends the first half of the payload, waits a
 * millisecond or two for the network, then sends the rest, reading the buffer as it goes (without moving its
 * position). What arrived is kept with the thread that wrote it.
 */
final class Collector implements Channel {

    record Arrived(String thread, String text) {
    }

    private final Queue<Arrived> arrived = new ConcurrentLinkedQueue<>();

    @Override
    public void write(ByteBuffer payload) {
        int from = payload.position();
        int to = payload.limit();
        int half = from + (to - from) / 2;
        byte[] bytes = new byte[to - from];
        try {
            for (int i = from; i < half; i++) {
                bytes[i - from] = at(payload, i);
            }
            Thread.sleep(Delays.between(Duration.ofMillis(1), Duration.ofMillis(2)));
            for (int i = half; i < to; i++) {
                bytes[i - from] = at(payload, i);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the write was interrupted", e);
        } catch (IndexOutOfBoundsException e) {
            // The buffer's limit moved under the write: what was sent is cut short.
            arrived.add(new Arrived(Thread.currentThread().getName(), "(cut short: " + e.getMessage() + ")"));
            return;
        }
        arrived.add(new Arrived(Thread.currentThread().getName(), new String(bytes, StandardCharsets.UTF_8)));
    }

    /** The byte at {@code index}, read from the backing array where there is one, past any limit moved meanwhile. */
    private static byte at(ByteBuffer buffer, int index) {
        return buffer.hasArray() ? buffer.array()[buffer.arrayOffset() + index] : buffer.get(index);
    }

    boolean awaitArrivals(int count, Duration patience) throws InterruptedException {
        return Waits.until(() -> arrived.size() >= count, patience);
    }

    List<Arrived> arrived() {
        return List.copyOf(arrived);
    }
}
