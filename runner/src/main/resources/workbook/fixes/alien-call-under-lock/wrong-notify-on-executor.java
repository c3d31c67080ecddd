package workbook.aliencallunderlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Wrong fix: the listeners told on a thread of the stock's own, later. Nothing waits under the lock any more,
// but adjust returns before anyone is told, the listeners hear of changes on a thread that did not make them, and
// that thread is never shut down.
// expect: DOES NOT WORK

/** Stock levels in memory, and the listeners told of each change: the reorder desk, the dashboard, the audit log. */
public class StockLevels implements Stock {

    private final Map<String, Integer> levels = new HashMap<>();
    private final List<StockListener> listeners = new ArrayList<>();
    private final ExecutorService notifier = Executors.newSingleThreadExecutor();

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
        List<StockListener> toTell = List.copyOf(listeners);
        notifier.execute(() -> toTell.forEach(listener -> listener.changed(sku, before, after)));
    }
}
