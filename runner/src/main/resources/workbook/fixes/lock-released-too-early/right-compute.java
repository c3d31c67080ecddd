package workbook.lockreleasedtooearly;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

// Right fix, another way than the reference: the whole change, log included, in one compute() of a
// ConcurrentHashMap, which runs it atomically for the key, on the writer thread.
// expect: FIXED

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
        writers.execute(() -> stock.compute(sku, (item, left) -> {
            log.record(item, left, left - quantity);
            return left - quantity;
        }));
    }

    @Override
    public int available(String sku) {
        return stock.get(sku);
    }
}
