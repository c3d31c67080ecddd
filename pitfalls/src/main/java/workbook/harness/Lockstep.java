package workbook.harness;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Lets two threads take their steps together: each waits, spinning, for the other to reach the same step, so that
 * the two start each step within a moment of each other whenever both run. Two calls that are not atomic then
 * overlap step after step, on an idle machine or a busy one, instead of only when the scheduler happens to run both
 * at once. A thread that waits past the deadline (the other stuck, or descheduled for long) goes on alone.
 */
public final class Lockstep {

    /** Slots between the threads' counters, so that they share no cache line. */
    private static final int PADDING = 16;

    private final AtomicLongArray reached;
    private final int threads;
    private final long deadline;
    private final AtomicLongArray together;

    /** For {@code threads} threads (two), which go on alone once {@code limit} has passed. */
    public Lockstep(int threads, Duration limit) {
        if (threads != 2) {
            throw new IllegalArgumentException("a lockstep of two threads");
        }
        this.threads = threads;
        this.reached = new AtomicLongArray(threads * PADDING);
        this.together = new AtomicLongArray(threads * PADDING);
        this.deadline = System.nanoTime() + limit.toNanos();
    }

    /** Waits until the other thread has reached step {@code step} too, or the deadline has passed. */
    public void await(int thread, long step) {
        reached.set(thread * PADDING, step + 1);
        int other = (thread + 1) % threads;
        int spins = 0;
        while (reached.get(other * PADDING) < step + 1) {
            Thread.onSpinWait();
            if ((++spins & 1023) == 0 && System.nanoTime() > deadline) {
                return;
            }
        }
        together.lazySet(thread * PADDING, together.get(thread * PADDING) + 1);
    }

    /** The steps both threads started together, counted by each. */
    public long together() {
        long sum = 0;
        for (int i = 0; i < threads; i++) {
            sum += together.get(i * PADDING);
        }
        return sum;
    }
}
