package workbook.unsafepublication;

// Right fix, another way: Settings is immutable, every field final, parsed into locals first. A thread that finds the
// reference, even through the plain field of a racy double-checked lock, sees every final field as the constructor
// set it (JLS 17.5). Still lazy, still loaded once (under the lock), and reads of loaded settings take no lock.
// expect: FIXED

/** Reads the settings file on first use, once, and hands the parsed settings to every request thread. */
public class LazySettings implements SettingsHolder {

    private final SettingsFile file;
    private Settings settings;

    public LazySettings(SettingsFile file) {
        this.file = file;
    }

    @Override
    public ConnectionSettings settings() {
        if (settings == null) {
            synchronized (this) {
                if (settings == null) {
                    settings = new Settings(file.read());
                }
            }
        }
        return settings;
    }

    static final class Settings implements ConnectionSettings {
        private final String host;
        private final int port;
        private final int timeoutMillis;
        private final int maxRetries;

        Settings(String text) {
            String host = null;
            int port = 0;
            int timeoutMillis = 0;
            int maxRetries = 0;
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
            this.host = host;
            this.port = port;
            this.timeoutMillis = timeoutMillis;
            this.maxRetries = maxRetries;
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
