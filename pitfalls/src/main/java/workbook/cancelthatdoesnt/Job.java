package workbook.cancelthatdoesnt;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.CancellationProbe;

/**
 * One export as the scenario scripts it (its pages, how long each takes to render) and as it went: the pages begun,
 * the thread that rendered them, and whether and when it was stored. Every page and the store are work on the probe.
 */
final class Job {

    final Export export;
    final Duration pageTime;
    /** The last page's time: longer, for a round that cancels during it. */
    final Duration lastPageTime;
    final CancellationProbe probe;
    private final AtomicInteger pagesBegun = new AtomicInteger();
    private final AtomicInteger stores = new AtomicInteger();
    private volatile Thread renderedOn;
    private volatile int pagesStored = -1;
    private volatile long lastPageEndedNanos;

    Job(Export export, Duration pageTime, Duration lastPageTime, CancellationProbe probe) {
        this.export = export;
        this.pageTime = pageTime;
        this.lastPageTime = lastPageTime;
        this.probe = probe;
    }

    /** How long page {@code number} takes to render. */
    Duration pageTime(int number) {
        return number == export.pages() ? lastPageTime : pageTime;
    }

    void pageEnded(int number) {
        if (number == export.pages()) {
            lastPageEndedNanos = System.nanoTime();
        }
    }

    /** When the last page was done rendering ({@link System#nanoTime()}), or 0 before. */
    long lastPageEndedNanos() {
        return lastPageEndedNanos;
    }

    void pageBegun(int number) {
        renderedOn = Thread.currentThread();
        pagesBegun.incrementAndGet();
        probe.work("page " + number + " of " + export.pages() + " of " + export.name());
    }

    void stored(int pages) {
        pagesStored = pages;
        stores.incrementAndGet();
        probe.work(export.name() + " stored in the archive (" + pages + " pages)");
    }

    int pagesBegun() {
        return pagesBegun.get();
    }

    int stores() {
        return stores.get();
    }

    /** Pages in the last store, or -1 if none. */
    int pagesStored() {
        return pagesStored;
    }

    /** The thread that began the last page; null before the first. */
    Thread renderedOn() {
        return renderedOn;
    }
}
