package workbook.unsafepublication;

// Wrong fix: load in the constructor into a final field. Safe (final fields are seen set by every thread), but the
// file is read when the holder is made, not on first use: the contract promises a lazy load (the service starts
// without its config server, and most holders are never asked).
// expect: DOES NOT WORK

/** Reads the settings file on first use, once, and hands the parsed settings to every request thread. */
public class LazySettings implements SettingsHolder {

    private final SettingsFile file;
    private final Settings settings;

    public LazySettings(SettingsFile file) {
        this.file = file;
        this.settings = new Settings(file.read());
    }

    @Override
    public ConnectionSettings settings() {
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
