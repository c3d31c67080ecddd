package workbook.unboundedvirtualthreads;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * The scenario's carrier: it allows {@code limit} calls in progress at once, answers each in 2 to 12 ms (drawn anew),
 * and refuses a call that comes while {@code limit} are already in progress, after the 1 ms a refusal takes, as a real
 * server would answer 429. It counts the calls in progress at every moment, keeping the most seen in each 5 ms of the
 * run (from {@link #begin()}), and how long the calls it served took altogether, for the average number in
 * progress.
 */
final class LimitedCarrier implements CarrierApi {

    static final double SHORTEST_MILLIS = 2;
    static final double LONGEST_MILLIS = 12;
    static final long REFUSAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    static final int BUCKET_MILLIS = 5;
    private static final int BUCKETS = 4_000;

    private final int limit;
    private final String unserved;
    private volatile long start = System.nanoTime();
    private final AtomicInteger inProgress = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final AtomicIntegerArray mostInBucket = new AtomicIntegerArray(BUCKETS);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final LongAdder servedNanos = new LongAdder();
    private final AtomicInteger lastBucket = new AtomicInteger();

    /** @param unserved the postcode the carrier does not serve */
    LimitedCarrier(int limit, String unserved) {
        this.limit = limit;
        this.unserved = unserved;
    }

    /** Calls a second it serves at its limit, on average. */
    static double callsPerSecond(int limit) {
        return limit * 1_000 / meanMillis();
    }

    static double meanMillis() {
        return (LONGEST_MILLIS - SHORTEST_MILLIS) / Math.log(LONGEST_MILLIS / SHORTEST_MILLIS);
    }

    /** The carrier's price: fixed per parcel, so the scenario knows it in advance. */
    static long price(Parcel parcel) {
        return 500 + parcel.grams() / 10 + Math.floorMod(parcel.postcode().hashCode(), 300);
    }

    @Override
    public int concurrentCallLimit() {
        return limit;
    }

    @Override
    public long quote(Parcel parcel) {
        calls.incrementAndGet();
        int now = inProgress.incrementAndGet();
        seen(now);
        long entered = System.nanoTime();
        try {
            if (now > limit) {
                refused.incrementAndGet();
                pause(REFUSAL_NANOS);
                throw new TooManyRequestsException("429 Too Many Requests: " + now + " calls in progress, the limit is "
                        + limit + " (quote for " + parcel.id() + ")");
            }
            double exponent = ThreadLocalRandom.current().nextDouble();
            pause(Math.round(TimeUnit.MILLISECONDS.toNanos(1) * SHORTEST_MILLIS
                    * Math.pow(LONGEST_MILLIS / SHORTEST_MILLIS, exponent)));
            servedNanos.add(System.nanoTime() - entered);
            if (parcel.postcode().equals(unserved)) {
                throw new IllegalArgumentException("no service to postcode " + unserved + " (quote for "
                        + parcel.id() + ")");
            }
            return price(parcel);
        } finally {
            seen(inProgress.decrementAndGet());
        }
    }

    /** Parks for the whole time: a park may return early (an unpark left over from the caller's own waits). */
    private static void pause(long nanos) {
        long end = System.nanoTime() + nanos;
        for (long left = nanos; left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    private void seen(int now) {
        mostAtOnce.accumulateAndGet(now, Math::max);
        int bucket = (int) Math.max(0, Math.min(BUCKETS - 1,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) / BUCKET_MILLIS));
        mostInBucket.accumulateAndGet(bucket, now, Math::max);
        lastBucket.accumulateAndGet(bucket, Math::max);
    }

    /** Counts the time of the plot from now: the carts are let go. */
    void begin() {
        start = System.nanoTime();
    }

    int limit() {
        return limit;
    }

    int calls() {
        return calls.get();
    }

    int refused() {
        return refused.get();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** The calls in progress at the busiest moment of each 5 ms, from the carrier's start to its last call. */
    int[] mostPerBucket() {
        int[] most = new int[lastBucket.get() + 1];
        for (int i = 0; i < most.length; i++) {
            most[i] = mostInBucket.get(i);
        }
        return most;
    }

    /** The time the calls it served took, added up, in ms. */
    double servedMillis() {
        return servedNanos.sum() / 1e6;
    }
}
