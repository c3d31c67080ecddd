package workbook.lockreleasedtooearly;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import workbook.harness.Delays;
import workbook.harness.Waits;

/**
 * The scenario's audit log: each record takes a millisecond or two (a database round trip), and is kept with the
 * thread that wrote it and when. A change is read before the record and written after it, so the record's start is
 * when the writer read the stock.
 */
final class AuditLog implements StockLog {

    record Entry(String thread, String sku, int before, int after, long startNanos, long endNanos) {
    }

    private final Queue<Entry> entries = new ConcurrentLinkedQueue<>();

    @Override
    public void record(String sku, int before, int after) {
        long start = System.nanoTime();
        try {
            Thread.sleep(Delays.between(Duration.ofMillis(1), Duration.ofMillis(3)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the log record of " + sku + " was interrupted", e);
        }
        entries.add(new Entry(Thread.currentThread().getName(), sku, before, after, start, System.nanoTime()));
    }

    boolean awaitEntries(int count, Duration patience) throws InterruptedException {
        return Waits.until(() -> entries.size() >= count, patience);
    }

    /** The records so far, in the order they were begun. */
    List<Entry> entries() {
        return entries.stream().sorted(Comparator.comparingLong(Entry::startNanos)).toList();
    }
}
