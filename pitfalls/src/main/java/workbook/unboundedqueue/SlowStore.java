package workbook.unboundedqueue;

import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

/**
 * The scenario's blob store: it takes as many puts at once as it has connections, each for a time drawn anew (1 to 4
 * ms), so that it stores about the same number of uploads a second however many threads call it. It counts what it
 * stored and when, by upload, and how many puts it ran at once. After the spike it turns fast, so that a backlog drains in
 * milliseconds; a held trial stalls it instead, so that the backlog stays for {@code jcmd} to see.
 */
final class SlowStore implements BlobStore {

    static final double SHORTEST_PUT_MILLIS = 1;
    static final double LONGEST_PUT_MILLIS = 4;

    private enum Pace {
        SLOW, FAST, STALLED
    }

    private final int connections;
    private final Semaphore free;
    private final AtomicIntegerArray timesStored;
    private final AtomicIntegerArray storedAt;
    private final Clock clock;
    private final AtomicInteger stored = new AtomicInteger();
    private final AtomicInteger storing = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private volatile Pace pace = Pace.SLOW;

    SlowStore(int connections, int uploads, Clock clock) {
        this.connections = connections;
        this.clock = clock;
        this.storedAt = new AtomicIntegerArray(uploads);
        this.free = new Semaphore(connections, true);
        this.timesStored = new AtomicIntegerArray(uploads);
    }

    /** Uploads a second it stores while slow, on average: its connections over the mean time of a put. */
    static double uploadsPerSecond(int connections) {
        double meanMillis = (LONGEST_PUT_MILLIS - SHORTEST_PUT_MILLIS)
                / Math.log(LONGEST_PUT_MILLIS / SHORTEST_PUT_MILLIS);
        return connections * 1_000 / meanMillis;
    }

    @Override
    public void put(Upload upload) {
        int number = Ledger.number(upload);
        free.acquireUninterruptibly();
        try {
            int now = storing.incrementAndGet();
            if (pace == Pace.SLOW) {
                mostAtOnce.accumulateAndGet(now, Math::max);
                double exponent = ThreadLocalRandom.current().nextDouble();
                long nanos = Math.round(TimeUnit.MILLISECONDS.toNanos(1) * SHORTEST_PUT_MILLIS
                        * Math.pow(LONGEST_PUT_MILLIS / SHORTEST_PUT_MILLIS, exponent));
                // A park may return early (an unpark left over from the caller's own waits): park the whole time.
                long end = System.nanoTime() + nanos;
                for (long left = nanos; left > 0; left = end - System.nanoTime()) {
                    LockSupport.parkNanos(left);
                }
            }
            while (pace == Pace.STALLED) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
            storing.decrementAndGet();
        } finally {
            free.release();
        }
        if (number >= 0 && number < timesStored.length()) {
            if (timesStored.incrementAndGet(number) == 1) {
                storedAt.set(number, clock.micros());
            }
        }
        stored.incrementAndGet();
    }

    /** Stores at once from now on: the spike is over. */
    void fast() {
        pace = Pace.FAST;
    }

    /** Stores nothing from now on: the backlog stays where it is, for a learner to look at. */
    void stall() {
        pace = Pace.STALLED;
    }

    int connections() {
        return connections;
    }

    int stored() {
        return stored.get();
    }

    int timesStored(int number) {
        return timesStored.get(number);
    }

    /** When it was first stored, in µs of the clock; meaningful only if it was stored. */
    int storedAt(int number) {
        return storedAt.get(number);
    }

    /** The most puts it ran at once while it was slow. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }
}
