package workbook.lockreleasedtooearly;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

// Wrong fix: hold the lock a little longer, long enough for a change to run. On a busy writer pool the change has
// not started when the lock goes, and it still runs with no lock held.
// expect: STILL BROKEN

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
            writers.execute(() -> {
                int left = stock.get(sku);
                log.record(sku, left, left - quantity);
                stock.put(sku, left - quantity);
            });
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
