package workbook.lockupgrade;

/** Where the settings come from: a configuration service, slow to answer. */
public interface ConfigSource {

    /** The setting's value, fetched from the configuration service: takes a few milliseconds. */
    String load(String key);
}
