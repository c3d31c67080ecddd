package workbook.aliencallunderlock;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

// Wrong fix: thread-safe collections instead of a lock. Each get and each put is safe on its own, and no lock is held
// while the listeners run; but the read-add-write spans two calls, so two deliveries at once read the same level and
// one of them is lost.
// expect: DOES NOT WORK

/** Stock levels in memory, and the listeners told of each change: the reorder desk, the dashboard, the audit log. */
public class StockLevels implements Stock {

    private final Map<String, Integer> levels = new ConcurrentHashMap<>();
    private final List<StockListener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void addListener(StockListener listener) {
        listeners.add(listener);
    }

    @Override
    public int level(String sku) {
        return levels.getOrDefault(sku, 0);
    }

    @Override
    public void adjust(String sku, int delta) {
        int before = levels.getOrDefault(sku, 0);
        int after = before + delta;
        levels.put(sku, after);
        for (StockListener listener : listeners) {
            listener.changed(sku, before, after);
        }
    }
}
