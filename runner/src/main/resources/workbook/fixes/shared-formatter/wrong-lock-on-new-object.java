package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

// Wrong fix: put each call in a synchronized block, on a lock made for the call. Every call has a lock
// of its own, so none ever waits for another, and the shared formatter is as unguarded as before.
// expect: STILL BROKEN

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    private final SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);

    public LogTimestamps() {
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public String format(long epochMillis) {
        synchronized (new Object()) {
            return format.format(new Date(epochMillis));
        }
    }

    @Override
    public long parse(String timestamp) {
        try {
            synchronized (new Object()) {
                return format.parse(timestamp).getTime();
            }
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        }
    }
}
