package workbook.unsafepublication;

// Wrong fix: synchronized settings(). Every read now sees the settings whole (the lock orders them), but every
// request takes the holder's lock for good, long after loading: the hot path the contract promises free of locks is
// serialised. Thread dumps of the readers show them holding and waiting for the holder's monitor.
// expect: DOES NOT WORK

/** Reads the settings file on first use, once, and hands the parsed settings to every request thread. */
public class LazySettings implements SettingsHolder {

    private final SettingsFile file;
    private Settings settings;

    public LazySettings(SettingsFile file) {
        this.file = file;
    }

    @Override
    public synchronized ConnectionSettings settings() {
        if (settings == null) {
            settings = new Settings(file.read());
        }
        return settings;
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
