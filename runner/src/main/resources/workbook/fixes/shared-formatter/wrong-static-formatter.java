package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

// Wrong fix: one static formatter for the whole class, built once in a static initialiser, "so it is
// safely published". It is published safely, and still one object that every thread writes into.
// expect: STILL BROKEN

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    private static final SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);

    static {
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public String format(long epochMillis) {
        return format.format(new Date(epochMillis));
    }

    @Override
    public long parse(String timestamp) {
        try {
            return format.parse(timestamp).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        }
    }
}
