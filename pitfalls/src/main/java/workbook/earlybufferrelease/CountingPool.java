package workbook.earlybufferrelease;

import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The scenario's buffer pool: hands out the buffer released last (as most pools do, for a warm cache), or a new one,
 * and counts what was taken and given back: a buffer never given back, or given back twice, shows.
 */
final class CountingPool implements BufferPool {

    static final int CAPACITY = 256;

    private final Deque<ByteBuffer> free = new ArrayDeque<>();
    private final Set<ByteBuffer> out = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<ByteBuffer> made = Collections.newSetFromMap(new IdentityHashMap<>());
    private int acquired;
    private int releasedTwice;

    @Override
    public synchronized ByteBuffer acquire() {
        ByteBuffer buffer = free.isEmpty() ? ByteBuffer.allocate(CAPACITY) : free.pop();
        made.add(buffer);
        out.add(buffer);
        acquired++;
        return buffer.clear();
    }

    @Override
    public synchronized void release(ByteBuffer buffer) {
        if (!out.remove(buffer)) {
            releasedTwice++;
            return;
        }
        free.push(buffer);
    }

    synchronized int acquired() {
        return acquired;
    }

    /** How many different buffers were handed out. */
    synchronized int distinct() {
        return made.size();
    }

    /** Buffers taken and not given back. */
    synchronized int outstanding() {
        return out.size();
    }

    /** Releases of a buffer that was not out (given back twice, or never taken from this pool). */
    synchronized int releasedTwice() {
        return releasedTwice;
    }
}
