package workbook.lockreleasedtooearly;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

// Wrong fix: a ConcurrentHashMap instead of the lock. Each get and each put is thread-safe; the read, the log and
// the write are still three steps, and two writers can read the same stock.
// expect: STILL BROKEN

/** Keeps the stock, changing it on the writer pool so that requests never wait for the audit log. */
public class Warehouse implements Inventory {

    private final Map<String, Integer> stock;
    private final Executor writers;
    private final StockLog log;

    public Warehouse(Map<String, Integer> initialStock, Executor writers, StockLog log) {
        this.stock = new ConcurrentHashMap<>(initialStock);
        this.writers = writers;
        this.log = log;
    }

    @Override
    public void reserve(String sku, int quantity) {
        writers.execute(() -> {
            int left = stock.get(sku);
            log.record(sku, left, left - quantity);
            stock.put(sku, left - quantity);
        });
    }

    @Override
    public int available(String sku) {
        return stock.get(sku);
    }
}
