package workbook.unboundedqueue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import workbook.harness.Harness;

/**
 * The upload endpoint's request threads for one phase of the scenario: each hands uploads of 16 KB to
 * {@code accept} on a schedule of its own, so that together they offer a set number a second, and the ledger notes
 * what became of each. A request that {@code accept} holds (back-pressure) falls behind its schedule and carries on
 * from where it is when let go. Many threads, so that a pause in {@code accept} of any length slows each of them, not
 * all.
 */
final class Requests {

    static final int THREADS = 32;
    private static final ThreadFactory NAMED = Harness.threads("request");
    /** A waiting request looks at the stop flag this often. */
    private static final long LONGEST_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** How far a request may fall behind its schedule before it gives up the uploads it missed. */
    private static final long LONGEST_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Ingest ingest;
    private final Ledger ledger;
    private final long intervalNanos;
    private final List<Thread> threads = new ArrayList<>();
    private final Queue<Long> acceptNanos = new ConcurrentLinkedQueue<>();
    private final AtomicLong longestAcceptNanos = new AtomicLong();
    private volatile boolean stopped;

    Requests(Ingest ingest, Ledger ledger, double perSecond) {
        this.ingest = ingest;
        this.ledger = ledger;
        this.intervalNanos = Math.round(TimeUnit.SECONDS.toNanos(1) * THREADS / perSecond);
    }

    Requests start() {
        long start = System.nanoTime();
        for (int i = 0; i < THREADS; i++) {
            long first = start + intervalNanos * i / THREADS;
            Thread thread = NAMED.newThread(() -> offerFrom(first));
            threads.add(thread);
            thread.start();
        }
        return this;
    }

    private void offerFrom(long due) {
        while (!stopped) {
            long now = System.nanoTime();
            long wait = due - now;
            if (wait < -LONGEST_LAG_NANOS) {
                // Held up (by the machine, or by accept itself): carry on from now rather than burst to catch up.
                due = now;
                wait = 0;
            }
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, LONGEST_PARK_NANOS));
                continue;
            }
            Upload upload = ledger.next();
            if (upload == null) {
                return;
            }
            long start = System.nanoTime();
            try {
                ingest.accept(upload);
                ledger.accepted(upload);
            } catch (RuntimeException refused) {
                ledger.refused(upload, refused);
            } catch (Error error) {
                ledger.broke(error);
                return;
            }
            long took = System.nanoTime() - start;
            acceptNanos.add(took);
            longestAcceptNanos.accumulateAndGet(took, Math::max);
            due += intervalNanos;
        }
    }

    /** No new uploads from now on; a request still inside accept() finishes it. */
    void stop() {
        stopped = true;
    }

    /** Waits for every request thread to end; false if one was still inside accept() when the time was up. */
    boolean awaitEnd(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }

    /** The request threads still alive, by id. */
    List<Long> stillAlive() {
        return threads.stream().filter(Thread::isAlive).map(Thread::threadId).toList();
    }

    /** The middle of the times accept() took, in microseconds; 0 if it was never called. */
    long medianAcceptMicros() {
        List<Long> sorted = acceptNanos.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : TimeUnit.NANOSECONDS.toMicros(sorted.get(sorted.size() / 2));
    }

    long longestAcceptMillis() {
        return TimeUnit.NANOSECONDS.toMillis(longestAcceptNanos.get());
    }

    int calls() {
        return acceptNanos.size();
    }
}
