package workbook.orphanedsubtasks;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One airline's part of one request, as the scenario scripts it (its pages, how long each takes, its fares) and as it
 * went: when it began and ended, on which thread, and how many pages it began after the request was cancelled.
 */
final class Leg {

    final String airline;
    final int pages;
    final Duration pageTime;
    final List<String> fares;
    private final AtomicInteger begun = new AtomicInteger();
    private final AtomicInteger begunAfterCancel = new AtomicInteger();
    private volatile Thread thread;
    private volatile long startedAt;
    private volatile long endedAt;

    Leg(String airline, int pages, Duration pageTime, List<String> fares) {
        this.airline = airline;
        this.pages = pages;
        this.pageTime = pageTime;
        this.fares = fares;
    }

    void started() {
        thread = Thread.currentThread();
        startedAt = System.nanoTime();
    }

    void pageBegun(boolean afterCancel) {
        begun.incrementAndGet();
        if (afterCancel) {
            begunAfterCancel.incrementAndGet();
        }
    }

    void ended() {
        endedAt = System.nanoTime();
    }

    int begun() {
        return begun.get();
    }

    int begunAfterCancel() {
        return begunAfterCancel.get();
    }

    /** Null until the search has started. */
    Thread thread() {
        return thread;
    }

    boolean hasEnded() {
        return endedAt != 0;
    }

    /** Whether this leg and {@code other} were both searching at some moment. */
    boolean overlaps(Leg other) {
        return startedAt != 0 && other.startedAt != 0
                && startedAt < (other.endedAt == 0 ? Long.MAX_VALUE : other.endedAt)
                && other.startedAt < (endedAt == 0 ? Long.MAX_VALUE : endedAt);
    }
}
