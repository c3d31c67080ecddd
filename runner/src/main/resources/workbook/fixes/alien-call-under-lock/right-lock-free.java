package workbook.aliencallunderlock;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

// Right fix, another way: no lock of our own. merge() adds the delta atomically and returns the new level, and the
// listeners, in a CopyOnWriteArrayList, are told afterwards with nothing held.
// expect: FIXED

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
        int after = levels.merge(sku, delta, Integer::sum);
        int before = after - delta;
        for (StockListener listener : listeners) {
            listener.changed(sku, before, after);
        }
    }
}
