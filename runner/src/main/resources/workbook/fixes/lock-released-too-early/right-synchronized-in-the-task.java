package workbook.lockreleasedtooearly;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

// Right fix, another way than the reference: the task itself synchronizes on the stock, around the whole change,
// and so does every read of it.
// expect: FIXED

/** Keeps the stock, changing it on the writer pool so that requests never wait for the audit log. */
public class Warehouse implements Inventory {

    private final Map<String, Integer> stock;
    private final Executor writers;
    private final StockLog log;

    public Warehouse(Map<String, Integer> initialStock, Executor writers, StockLog log) {
        this.stock = new HashMap<>(initialStock);
        this.writers = writers;
        this.log = log;
    }

    @Override
    public void reserve(String sku, int quantity) {
        writers.execute(() -> {
            synchronized (stock) {
                int left = stock.get(sku);
                log.record(sku, left, left - quantity);
                stock.put(sku, left - quantity);
            }
        });
    }

    @Override
    public int available(String sku) {
        synchronized (stock) {
            return stock.get(sku);
        }
    }
}
