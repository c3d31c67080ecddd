package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

// Wrong fix: synchronize both methods. Every answer is right, and every thread of the application now
// waits in line to write a timestamp: the contract says no caller waits for another's call.
// expect: DOES NOT WORK

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    private final SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);

    public LogTimestamps() {
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public synchronized String format(long epochMillis) {
        return format.format(new Date(epochMillis));
    }

    @Override
    public synchronized long parse(String timestamp) {
        try {
            return format.parse(timestamp).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        }
    }
}
