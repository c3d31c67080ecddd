package workbook.lockupgrade;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

// Wrong fix: let the read lock go before taking the write lock, and load. Nothing waits for itself any more, but
// requests that missed the same setting at once each load it, one after the other: nobody looks again.
// expect: DOES NOT WORK

/** Settings loaded on first use and kept: many requests read them at once, a miss loads under the write lock. */
public class CachedSettings implements Settings {

    private final ConfigSource source;
    private final Map<String, String> values = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public CachedSettings(ConfigSource source) {
        this.source = source;
    }

    @Override
    public String get(String key) {
        lock.readLock().lock();
        try {
            String value = values.get(key);
            if (value != null) {
                return value;
            }
        } finally {
            lock.readLock().unlock();
        }
        lock.writeLock().lock();
        try {
            String value = source.load(key);
            values.put(key, value);
            return value;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
