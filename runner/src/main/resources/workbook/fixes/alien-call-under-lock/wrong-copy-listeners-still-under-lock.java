package workbook.aliencallunderlock;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

// Wrong fix: a CopyOnWriteArrayList of listeners, the textbook list for listeners. Iterating it is safe, but
// the listeners are still called inside the synchronized adjust, and one that waits for a lock still waits under ours.
// expect: STILL BROKEN

/** Stock levels in memory, and the listeners told of each change: the reorder desk, the dashboard, the audit log. */
public class StockLevels implements Stock {

    private final Map<String, Integer> levels = new HashMap<>();
    private final List<StockListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void addListener(StockListener listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized int level(String sku) {
        return levels.getOrDefault(sku, 0);
    }

    @Override
    public synchronized void adjust(String sku, int delta) {
        int before = levels.getOrDefault(sku, 0);
        int after = before + delta;
        levels.put(sku, after);
        for (StockListener listener : listeners) {
            listener.changed(sku, before, after);
        }
    }
}
