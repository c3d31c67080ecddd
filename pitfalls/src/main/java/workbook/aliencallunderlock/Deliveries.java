package workbook.aliencallunderlock;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A listener for the busy round, where every change is a delivery of one: counts the changes it is told of, keeps
 * which level each one started from (each must be told once, one up), and on which threads it was told.
 */
final class Deliveries implements StockListener {

    private final Set<Integer> befores = ConcurrentHashMap.newKeySet();
    private final Set<String> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong told = new AtomicLong();
    private final AtomicLong notOneUp = new AtomicLong();
    private final AtomicLong toldTwice = new AtomicLong();

    @Override
    public void changed(String sku, int before, int after) {
        told.incrementAndGet();
        threads.add(Thread.currentThread().getName());
        if (after != before + 1) {
            notOneUp.incrementAndGet();
        }
        if (!befores.add(before)) {
            toldTwice.incrementAndGet();
        }
    }

    long told() {
        return told.get();
    }

    long notOneUp() {
        return notOneUp.get();
    }

    /** Changes told from a level that another change was told from too: two deliveries that saw the same level. */
    long sameLevelTwice() {
        return toldTwice.get();
    }

    Set<String> threads() {
        return Set.copyOf(threads);
    }
}
