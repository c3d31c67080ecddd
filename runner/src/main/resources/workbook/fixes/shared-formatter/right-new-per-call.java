package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

// Right fix, another way: a new SimpleDateFormat for every call. Nothing is shared, so nothing races; it costs an
// object or two per log line, which a modern JVM allocates and collects cheaply.
// expect: FIXED

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";
    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    @Override
    public String format(long epochMillis) {
        return newFormat().format(new Date(epochMillis));
    }

    @Override
    public long parse(String timestamp) {
        try {
            return newFormat().parse(timestamp).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        }
    }

    private static SimpleDateFormat newFormat() {
        SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);
        format.setTimeZone(UTC);
        return format;
    }
}
