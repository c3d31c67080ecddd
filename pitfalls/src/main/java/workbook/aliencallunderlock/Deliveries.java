package workbook.aliencallunderlock;

import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * A listener for the busy round, where every change is a delivery of one: notes which level each change started
 * from (each must be told once, one up) and any thread that is not an adjuster. Cheap on purpose: a listener that
 * takes long leaves little of the adjusters' time to the read-add-write whose race the round looks for.
 */
final class Deliveries implements StockListener {

    private final AtomicIntegerArray toldFrom;
    private final String adjusterPrefix;
    private volatile int notOneUp;
    private volatile int outOfRange;
    private volatile String otherThread;

    /** For at most {@code changes} deliveries, made by threads whose names start with {@code adjusterPrefix}. */
    Deliveries(int changes, String adjusterPrefix) {
        this.toldFrom = new AtomicIntegerArray(changes);
        this.adjusterPrefix = adjusterPrefix;
    }

    @Override
    public void changed(String sku, int before, int after) {
        if (after != before + 1) {
            notOneUp++;
        }
        if (before < 0 || before >= toldFrom.length()) {
            outOfRange++;
        } else {
            toldFrom.incrementAndGet(before);
        }
        if (!Thread.currentThread().getName().startsWith(adjusterPrefix)) {
            otherThread = Thread.currentThread().getName();
        }
    }

    /** Changes told, counted once the adjusters are done. */
    long told() {
        long told = outOfRange;
        for (int i = 0; i < toldFrom.length(); i++) {
            told += toldFrom.get(i);
        }
        return told;
    }

    long notOneUp() {
        return notOneUp;
    }

    /** Changes told from a level that another change was told from too: two deliveries that saw the same level. */
    long sameLevelTwice() {
        long twice = 0;
        for (int i = 0; i < toldFrom.length(); i++) {
            twice += Math.max(0, toldFrom.get(i) - 1);
        }
        return twice;
    }

    /** A thread, not an adjuster, that a change was told on; null if none. */
    String otherThread() {
        return otherThread;
    }
}
