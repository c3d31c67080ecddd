package workbook.unsafepublication;

// Wrong fix: volatile on the field next to it, the file, which is written once in the constructor and never
// changes. The settings reference, the one that is published racily, is still a plain field.
// expect: NOT OBSERVABLE HERE

/** Reads the settings file on first use, once, and hands the parsed settings to every request thread. */
public class LazySettings implements SettingsHolder {

    private volatile SettingsFile file;
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
