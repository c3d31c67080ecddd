package workbook.lockreleasedtooearly;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

// Wrong fix: no writer pool, no race: make the change right there, under the lock. Every request thread now
// waits for the audit log, and the change is no longer made on the writer pool the warehouse was given.
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
            int left = stock.get(sku);
            log.record(sku, left, left - quantity);
            stock.put(sku, left - quantity);
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
