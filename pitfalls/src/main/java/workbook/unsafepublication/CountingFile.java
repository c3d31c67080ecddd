package workbook.unsafepublication;

import java.util.concurrent.atomic.AtomicInteger;

/** A settings file of values drawn for the trial, which counts how often it was read. */
final class CountingFile implements SettingsFile {

    /** The values every read of the parsed settings must show, all of them set (none 0 or null). */
    record Values(String host, int port, int timeoutMillis, int maxRetries) {

        String text() {
            return "host=" + host + "\nport=" + port + "\ntimeoutMillis=" + timeoutMillis + "\nmaxRetries="
                    + maxRetries;
        }

        /** What is wrong with a read, or null when it shows every value. */
        String wrongIn(ConnectionSettings read) {
            if (read == null) {
                return "got null";
            }
            String host = read.host();
            int port = read.port();
            int timeout = read.timeoutMillis();
            int retries = read.maxRetries();
            if (this.host.equals(host) && this.port == port && timeoutMillis == timeout && maxRetries == retries) {
                return null;
            }
            return "saw host=" + host + " port=" + port + " timeoutMillis=" + timeout + " maxRetries=" + retries
                    + " (the file says " + this.host + ", " + this.port + ", " + timeoutMillis + ", " + maxRetries
                    + ")";
        }
    }

    private final String text;
    private final AtomicInteger reads = new AtomicInteger();

    CountingFile(Values values) {
        this.text = values.text();
    }

    @Override
    public String read() {
        reads.incrementAndGet();
        return text;
    }

    int reads() {
        return reads.get();
    }
}
