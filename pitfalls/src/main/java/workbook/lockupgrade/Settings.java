package workbook.lockupgrade;

/**
 * The service's settings, read on every request. Made with the {@link ConfigSource} it loads them from.
 */
public interface Settings {

    /**
     * The setting's value. The first call for a key loads it from the source, once, however many callers ask for it
     * at the same moment; every later call returns it from memory. Callers reading settings already loaded never
     * wait for each other (a caller loading a setting may hold others up while it loads).
     */
    String get(String key);
}
