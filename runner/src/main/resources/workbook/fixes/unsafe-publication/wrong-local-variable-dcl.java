package workbook.unsafepublication;

// Wrong fix: the "faster" double-checked locking that reads the field once into a local. One read saves a second racy
// read (which could even return null), but the field is still not volatile: nothing orders the writes of Settings's
// fields before the write of the reference, so another thread may find the reference first. x86 does not show it
// here; the check says it cannot tell, and why, rather than passing it.
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
        Settings local = settings;
        if (local == null) {
            synchronized (this) {
                local = settings;
                if (local == null) {
                    local = new Settings(file.read());
                    settings = local;
                }
            }
        }
        return local;
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
