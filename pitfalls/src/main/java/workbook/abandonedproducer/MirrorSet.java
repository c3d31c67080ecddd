package workbook.abandonedproducer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import workbook.harness.Delays;
import workbook.harness.Overlap;

/**
 * The mirrors of one fetch: one fast, the others slow. The fast one answers once every mirror has been asked (so a
 * fetch that asks them one at a time shows), the slow ones only after the fetch returned; each answer comes after a
 * delay drawn anew. Counts the downloads in flight at once and times the first copy against the fetch's return.
 */
final class MirrorSet {

    /** How long the fast mirror waits for the others to be asked before it answers anyway. */
    static final Duration ALL_ASKED_LIMIT = Duration.ofSeconds(1);
    /** How long a slow mirror waits for the fetch to return before it answers anyway. */
    static final Duration SLOW_LIMIT = Duration.ofSeconds(4);

    private final int fastAt;
    private final List<Mirror> mirrors = new ArrayList<>();
    private final CountDownLatch asked;
    private final CountDownLatch callReturned = new CountDownLatch(1);
    private final CountDownLatch slowAnswers;
    private final Overlap inFlight = new Overlap();
    private final AtomicLong firstCopyNanos = new AtomicLong();
    private final AtomicLong returnNanos = new AtomicLong();
    private final AtomicLong firstAskedNanos = new AtomicLong();
    private final AtomicLong allAskedNanos = new AtomicLong();
    private volatile boolean fastAsked;

    MirrorSet(int count, int fastAt) {
        this.fastAt = fastAt;
        this.asked = new CountDownLatch(count);
        this.slowAnswers = new CountDownLatch(count - 1);
        int slow = 0;
        for (int i = 0; i < count; i++) {
            mirrors.add(i == fastAt ? new Fast() : new Slow("slow-" + ++slow));
        }
    }

    List<Mirror> mirrors() {
        return List.copyOf(mirrors);
    }

    /** Where the fast mirror is in the list, from 0. */
    int fastAt() {
        return fastAt;
    }

    /** The fetch returned (or was given up on): the slow mirrors may answer. */
    void callReturned() {
        returnNanos.compareAndSet(0, System.nanoTime());
        callReturned.countDown();
    }

    int asked() {
        return mirrors.size() - (int) asked.getCount();
    }

    boolean fastAsked() {
        return fastAsked;
    }

    int mostInFlight() {
        return inFlight.most();
    }

    boolean firstCopyArrived() {
        return firstCopyNanos.get() != 0;
    }

    long millisSinceFirstCopy() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - firstCopyNanos.get());
    }

    /** From the first mirror asked to the last; 0 if not every mirror was asked. */
    long askSpreadMillis() {
        return allAskedNanos.get() == 0
                ? 0
                : TimeUnit.NANOSECONDS.toMillis(allAskedNanos.get() - firstAskedNanos.get());
    }

    private void noteAsked() {
        firstAskedNanos.compareAndSet(0, System.nanoTime());
        asked.countDown();
        if (asked.getCount() == 0) {
            allAskedNanos.compareAndSet(0, System.nanoTime());
        }
    }

    /** How long the fetch kept its caller after the fast copy was handed over. */
    long returnedAfterFirstCopyMillis() {
        return TimeUnit.NANOSECONDS.toMillis(Math.max(0, returnNanos.get() - firstCopyNanos.get()));
    }

    void awaitSlowAnswers(Duration patience) throws InterruptedException {
        slowAnswers.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    private final class Fast implements Mirror {

        @Override
        public String name() {
            return "fast";
        }

        @Override
        public String download(String path) {
            fastAsked = true;
            inFlight.enter();
            try {
                noteAsked();
                asked.await(ALL_ASKED_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(Delays.between(Duration.ofMillis(1), Duration.ofMillis(50)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.exit();
            }
            firstCopyNanos.compareAndSet(0, System.nanoTime());
            return path + " from fast";
        }
    }

    private final class Slow implements Mirror {

        private final String name;

        Slow(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String download(String path) {
            inFlight.enter();
            try {
                noteAsked();
                callReturned.await(SLOW_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                Thread.sleep(Delays.between(Duration.ofMillis(1), Duration.ofMillis(200)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.exit();
                slowAnswers.countDown();
            }
            return path + " from " + name;
        }
    }
}
