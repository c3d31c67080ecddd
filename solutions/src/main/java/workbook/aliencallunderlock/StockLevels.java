package workbook.aliencallunderlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        int before;
        int after;
        List<StockListener> toTell;
        synchronized (this) {
            before = levels.getOrDefault(sku, 0);
            after = before + delta;
            levels.put(sku, after);
            toTell = List.copyOf(listeners);
        }
        // Told with no lock held: a listener that waits for another thread, which needs this stock, cannot deadlock.
        for (StockListener listener : toTell) {
            listener.changed(sku, before, after);
        }
    }
}
