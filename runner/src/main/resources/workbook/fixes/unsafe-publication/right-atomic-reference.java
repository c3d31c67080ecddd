package workbook.unsafepublication;

// Right fix, another way: the settings in an AtomicReference, loaded under the lock. get() and set() order like a
// volatile field's read and write, so a thread that finds the settings finds them whole; reads of loaded settings
// are one get(), no lock.
// expect: FIXED

import java.util.concurrent.atomic.AtomicReference;

/** Reads the settings file on first use, once, and hands the parsed settings to every request thread. */
public class LazySettings implements SettingsHolder {

    private final SettingsFile file;
    private final AtomicReference<Settings> settings = new AtomicReference<>();

    public LazySettings(SettingsFile file) {
        this.file = file;
    }

    @Override
    public ConnectionSettings settings() {
        Settings loaded = settings.get();
        if (loaded == null) {
            synchronized (this) {
                loaded = settings.get();
                if (loaded == null) {
                    loaded = new Settings(file.read());
                    settings.set(loaded);
                }
            }
        }
        return loaded;
    }

    static final class Settings implements ConnectionSettings {
        private String host;
        private int port;
        private int timeoutMillis;
        private int maxRetries;

        Settings(String text) {
            for (String line : text.split("\n")) {
                String value = line.substring(line.indexOf('=') + 1).trim();
                switch (line.substring(0, line.indexOf('=')).trim()) {
                    case "host" -> host = value;
                    case "port" -> port = Integer.parseInt(value);
                    case "timeoutMillis" -> timeoutMillis = Integer.parseInt(value);
                    case "maxRetries" -> maxRetries = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown setting: " + line);
                }
            }
        }

        @Override
        public String host() {
            return host;
        }

        @Override
        public int port() {
            return port;
        }

        @Override
        public int timeoutMillis() {
            return timeoutMillis;
        }

        @Override
        public int maxRetries() {
            return maxRetries;
        }
    }
}
