package workbook.aliencallunderlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

// Wrong fix: tell the listeners first, outside the lock, then make the change under it. No listener runs
// under the lock, but each hears of a change that has not happened yet: one that reads the level back reads the
// old one.
// expect: DOES NOT WORK

/** Stock levels in memory, and the listeners told of each change: the reorder desk, the dashboard, the audit log. */
public class StockLevels implements Stock {

    private final Map<String, Integer> levels = new HashMap<>();
    private final List<StockListener> listeners = new ArrayList<>();

    @Override
    public synchronized void addListener(StockListener listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized int level(String sku) {
        return levels.getOrDefault(sku, 0);
    }

    @Override
    public void adjust(String sku, int delta) {
        int before = level(sku);
        int after = before + delta;
        for (StockListener listener : List.copyOf(listeners)) {
            listener.changed(sku, before, after);
        }
        synchronized (this) {
            levels.put(sku, levels.getOrDefault(sku, 0) + delta);
        }
    }
}
