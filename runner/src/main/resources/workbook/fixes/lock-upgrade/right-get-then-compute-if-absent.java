package workbook.lockupgrade;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Right fix, another way: no lock of our own. A ConcurrentHashMap's get() never locks; on a miss, computeIfAbsent
// loads the setting once (holding up only requests for settings in the same bin while it loads).
// expect: FIXED

/** Settings loaded on first use and kept: many requests read them at once, a miss loads under the write lock. */
public class CachedSettings implements Settings {

    private final ConfigSource source;
    private final Map<String, String> values = new ConcurrentHashMap<>();

    public CachedSettings(ConfigSource source) {
        this.source = source;
    }

    @Override
    public String get(String key) {
        String value = values.get(key);
        return value != null ? value : values.computeIfAbsent(key, source::load);
    }
}
