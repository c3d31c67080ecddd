package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

// Wrong fix: make the shared formatter volatile, so that every thread sees it. They all see it: the
// one object, whose fields the threads still overwrite in the middle of each other's calls.
// expect: STILL BROKEN

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    private volatile SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);

    public LogTimestamps() {
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
