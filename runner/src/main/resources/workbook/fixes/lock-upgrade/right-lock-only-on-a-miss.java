package workbook.lockupgrade;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

// Right fix, another way: reads go to a ConcurrentHashMap with no lock at all; only a miss takes a plain lock, looks
// again (another caller may have loaded the setting meanwhile) and loads. The lock is never held while requests only
// read, so they never wait for it.
// expect: FIXED

/** Settings loaded on first use and kept: many requests read them at once, a miss loads under the write lock. */
public class CachedSettings implements Settings {

    private final ConfigSource source;
    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final ReentrantLock loading = new ReentrantLock();

    public CachedSettings(ConfigSource source) {
        this.source = source;
    }

    @Override
    public String get(String key) {
        String value = values.get(key);
        if (value != null) {
            return value;
        }
        loading.lock();
        try {
            value = values.get(key);
            if (value == null) {
                value = source.load(key);
                values.put(key, value);
            }
            return value;
        } finally {
            loading.unlock();
        }
    }
}
