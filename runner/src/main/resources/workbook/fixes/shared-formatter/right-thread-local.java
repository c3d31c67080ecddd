package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

// Right fix, another way: confine a SimpleDateFormat to each thread with a ThreadLocal. Every thread has its own
// formatter, which only it ever touches: the classic fix before java.time.
// expect: FIXED

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    private final ThreadLocal<SimpleDateFormat> format = ThreadLocal.withInitial(() -> {
        SimpleDateFormat perThread = new SimpleDateFormat(PATTERN, Locale.ROOT);
        perThread.setTimeZone(TimeZone.getTimeZone("UTC"));
        return perThread;
    });

    @Override
    public String format(long epochMillis) {
        return format.get().format(new Date(epochMillis));
    }

    @Override
    public long parse(String timestamp) {
        try {
            return format.get().parse(timestamp).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        }
    }
}
