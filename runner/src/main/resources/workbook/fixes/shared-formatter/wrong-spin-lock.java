package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicBoolean;

// Wrong fix: a spin lock on an AtomicBoolean, "no lock, so nobody waits". The answers are right, and the
// callers still take turns: one spins, running, until the other is done. No lock to see in a thread dump.
// expect: DOES NOT WORK

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    private final SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);
    private final AtomicBoolean busy = new AtomicBoolean();

    public LogTimestamps() {
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public String format(long epochMillis) {
        while (!busy.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        try {
            return format.format(new Date(epochMillis));
        } finally {
            busy.set(false);
        }
    }

    @Override
    public long parse(String timestamp) {
        while (!busy.compareAndSet(false, true)) {
            Thread.onSpinWait();
        }
        try {
            return format.parse(timestamp).getTime();
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        } finally {
            busy.set(false);
        }
    }
}
