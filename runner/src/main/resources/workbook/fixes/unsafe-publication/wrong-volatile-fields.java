package workbook.unsafepublication;

// Wrong fix: volatile on the wrong fields, Settings's own, while the reference is still published through a plain
// field. The memory model's guarantee for a racy publication covers final fields (JLS 17.5), not volatile ones: a
// reader may still find the reference before the constructor's writes. x86 does not show it; the check cannot tell
// it from the broken code and says so.
// expect: NOT OBSERVABLE HERE

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
        private volatile String host;
        private volatile int port;
        private volatile int timeoutMillis;
        private volatile int maxRetries;

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
