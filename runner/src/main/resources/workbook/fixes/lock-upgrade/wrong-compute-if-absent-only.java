package workbook.lockupgrade;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: no lock of our own, computeIfAbsent for every call. Each setting is loaded once, but computeIfAbsent
// reads without a lock only a key at the head of its bin: for the others it locks the bin, also when the key is
// there, and readers of settings that share a bin wait for each other.
// expect: DOES NOT WORK

/** Settings loaded on first use and kept: many requests read them at once, a miss loads under the write lock. */
public class CachedSettings implements Settings {

    private final ConfigSource source;
    private final Map<String, String> values = new ConcurrentHashMap<>();

    public CachedSettings(ConfigSource source) {
        this.source = source;
    }

    @Override
    public String get(String key) {
        return values.computeIfAbsent(key, source::load);
    }
}
