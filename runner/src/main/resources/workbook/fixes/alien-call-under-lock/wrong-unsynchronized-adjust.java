package workbook.aliencallunderlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

// Wrong fix: no lock in adjust, so that nothing is held while the listeners run. The deadlock is gone, and so
// is the atomic read-add-write: two deliveries at once read the same level, and one of them is lost.
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
        int before = levels.getOrDefault(sku, 0);
        int after = before + delta;
        levels.put(sku, after);
        for (StockListener listener : listeners) {
            listener.changed(sku, before, after);
        }
    }
}
