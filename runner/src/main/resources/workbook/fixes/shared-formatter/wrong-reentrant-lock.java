package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.locks.ReentrantLock;

// Wrong fix: guard the formatter with a ReentrantLock, "faster than synchronized". The answers are
// right, and the callers still take turns, one lock for every log line of the application.
// expect: DOES NOT WORK

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    private final SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);
    private final ReentrantLock lock = new ReentrantLock();

    public LogTimestamps() {
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public String format(long epochMillis) {
        lock.lock();
        try {
            return format.format(new Date(epochMillis));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public long parse(String timestamp) {
        lock.lock();
        try {
            return format.parse(timestamp).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        } finally {
            lock.unlock();
        }
    }
}
