package workbook.lockupgrade;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

// Wrong fix: try the write lock, and load without caching when it is not free. While this thread holds the read
// lock, tryLock() always fails: nothing hangs, and every call loads the setting again.
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
            if (value == null) {
                if (lock.writeLock().tryLock()) {
                    try {
                        value = source.load(key);
                        values.put(key, value);
                    } finally {
                        lock.writeLock().unlock();
                    }
                } else {
                    value = source.load(key);
                }
            }
            return value;
        } finally {
            lock.readLock().unlock();
        }
    }
}
