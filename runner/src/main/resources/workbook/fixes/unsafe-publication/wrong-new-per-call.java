package workbook.unsafepublication;

// Wrong fix: no shared field at all, a fresh Settings per call. Nothing is published, so nothing is half-built, but
// the file is read and parsed on every request and callers get different objects: the contract promises one load
// and one object per holder.
// expect: DOES NOT WORK

/** Reads the settings file on first use, once, and hands the parsed settings to every request thread. */
public class LazySettings implements SettingsHolder {

    private final SettingsFile file;
    private Settings settings;

    public LazySettings(SettingsFile file) {
        this.file = file;
    }

    @Override
    public ConnectionSettings settings() {
        return new Settings(file.read());
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
