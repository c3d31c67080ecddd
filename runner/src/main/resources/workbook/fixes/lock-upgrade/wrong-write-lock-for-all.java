package workbook.lockupgrade;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

// Wrong fix: the write lock for every call, reads included. Nothing can be upgraded any more, and every request
// now waits for every other one, though reading the settings never needed that.
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
        lock.writeLock().lock();
        try {
            String value = values.get(key);
            if (value == null) {
                value = source.load(key);
                values.put(key, value);
            }
            return value;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
