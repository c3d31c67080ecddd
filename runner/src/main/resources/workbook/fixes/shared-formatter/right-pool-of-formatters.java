package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

// Right fix, another way: a small pool of formatters. A call borrows one that nobody else is using and gives it
// back; the pool's lock is held only for the borrowing, not for the formatting, so callers do not take turns.
// expect: FIXED

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";
    private static final int FORMATTERS = 8;

    private final BlockingQueue<SimpleDateFormat> idle = new ArrayBlockingQueue<>(FORMATTERS);

    public LogTimestamps() {
        for (int i = 0; i < FORMATTERS; i++) {
            SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            idle.add(format);
        }
    }

    @Override
    public String format(long epochMillis) {
        SimpleDateFormat format = borrow();
        try {
            return format.format(new Date(epochMillis));
        } finally {
            idle.add(format);
        }
    }

    @Override
    public long parse(String timestamp) {
        SimpleDateFormat format = borrow();
        try {
            return format.parse(timestamp).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        } finally {
            idle.add(format);
        }
    }

    private SimpleDateFormat borrow() {
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a formatter", e);
        }
    }
}
