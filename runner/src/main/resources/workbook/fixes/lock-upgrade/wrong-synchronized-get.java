package workbook.lockupgrade;

import java.util.HashMap;
import java.util.Map;

// Wrong fix: drop the read-write lock for synchronized. Nothing can be upgraded, each setting is loaded once, and
// every request waits for every other one, also to read a setting loaded long ago.
// expect: DOES NOT WORK

/** Settings loaded on first use and kept: many requests read them at once, a miss loads under the write lock. */
public class CachedSettings implements Settings {

    private final ConfigSource source;
    private final Map<String, String> values = new HashMap<>();

    public CachedSettings(ConfigSource source) {
        this.source = source;
    }

    @Override
    public synchronized String get(String key) {
        String value = values.get(key);
        if (value == null) {
            value = source.load(key);
            values.put(key, value);
        }
        return value;
    }
}
