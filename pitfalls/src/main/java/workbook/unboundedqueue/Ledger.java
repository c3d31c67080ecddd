package workbook.unboundedqueue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What became of every upload the requests offered, by upload number: accepted ({@code accept} returned), and when,
 * or refused (it threw). Bounded: a trial offers at most {@link #MOST_UPLOADS}.
 */
final class Ledger {

    static final int MOST_UPLOADS = 1 << 16;
    private static final String PREFIX = "upload-";
    private static final int OFFERED = 0;
    private static final int ACCEPTED = 1;
    private static final int REFUSED = 2;

    private final AtomicInteger next = new AtomicInteger();
    private final AtomicIntegerArray fates = new AtomicIntegerArray(MOST_UPLOADS);
    private final AtomicIntegerArray acceptedAt = new AtomicIntegerArray(MOST_UPLOADS);
    private final Clock clock;
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicReference<RuntimeException> firstRefusal = new AtomicReference<>();
    private final AtomicReference<Throwable> broken = new AtomicReference<>();

    Ledger(Clock clock) {
        this.clock = clock;
    }

    /** A new upload of the largest size, or null once the trial has offered all it may. */
    Upload next() {
        int number = next.getAndIncrement();
        return number < MOST_UPLOADS ? new Upload(PREFIX + number, new byte[Upload.MAX_BYTES]) : null;
    }

    /** The upload's number, or -1 for an upload the scenario did not make. */
    static int number(Upload upload) {
        try {
            return upload.id().startsWith(PREFIX) ? Integer.parseInt(upload.id().substring(PREFIX.length())) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void accepted(Upload upload) {
        acceptedAt.set(number(upload), clock.micros());
        fates.set(number(upload), ACCEPTED);
        accepted.incrementAndGet();
    }

    void refused(Upload upload, RuntimeException why) {
        fates.set(number(upload), REFUSED);
        refused.incrementAndGet();
        firstRefusal.compareAndSet(null, why);
    }

    /** accept() threw an Error: the JVM itself is in trouble (out of memory, most likely). */
    void broke(Throwable error) {
        broken.compareAndSet(null, error);
    }

    int offered() {
        return Math.min(next.get(), MOST_UPLOADS);
    }

    int accepted() {
        return accepted.get();
    }

    int refused() {
        return refused.get();
    }

    boolean wasAccepted(int number) {
        return fates.get(number) == ACCEPTED;
    }

    /** When accept() returned for it, in µs of the clock. */
    int acceptedAt(int number) {
        return acceptedAt.get(number);
    }

    boolean wasRefused(int number) {
        return fates.get(number) == REFUSED;
    }

    /** How the first refusal read, or null if nothing was refused. */
    RuntimeException firstRefusal() {
        return firstRefusal.get();
    }

    Throwable broken() {
        return broken.get();
    }
}
