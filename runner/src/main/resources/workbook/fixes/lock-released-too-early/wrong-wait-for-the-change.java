package workbook.lockreleasedtooearly;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

// Wrong fix: keep the lock until the change is done, by waiting for it. The changes take turns, but reserve()
// now waits for the writer pool, and the contract says it returns at once.
// expect: DOES NOT WORK

/** Keeps the stock, changing it on the writer pool so that requests never wait for the audit log. */
public class Warehouse implements Inventory {

    private final Map<String, Integer> stock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Executor writers;
    private final StockLog log;

    public Warehouse(Map<String, Integer> initialStock, Executor writers, StockLog log) {
        this.stock = new HashMap<>(initialStock);
        this.writers = writers;
        this.log = log;
    }

    @Override
    public void reserve(String sku, int quantity) {
        lock.lock();
        try {
            CompletableFuture.runAsync(() -> {
                int left = stock.get(sku);
                log.record(sku, left, left - quantity);
                stock.put(sku, left - quantity);
            }, writers).join();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int available(String sku) {
        lock.lock();
        try {
            return stock.get(sku);
        } finally {
            lock.unlock();
        }
    }
}
