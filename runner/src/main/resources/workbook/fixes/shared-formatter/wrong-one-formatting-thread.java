package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Wrong fix: confine the formatter to one thread of its own, and hand it every call. The answers are right, every
// caller waits for that one thread in turn, and the thread outlives the format: nobody ever shuts it down.
// expect: DOES NOT WORK

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    private final SimpleDateFormat format = new SimpleDateFormat(PATTERN, Locale.ROOT);
    private final ExecutorService formatting = Executors.newSingleThreadExecutor();

    public LogTimestamps() {
        format.setTimeZone(TimeZone.getTimeZone("UTC"));
    }

    @Override
    public String format(long epochMillis) {
        return await(formatting.submit(() -> format.format(new Date(epochMillis))));
    }

    @Override
    public long parse(String timestamp) {
        return await(formatting.submit(() -> {
            try {
                return format.parse(timestamp).getTime();
            } catch (ParseException e) {
                throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
            }
        }));
    }

    private static <T> T await(Future<T> answer) {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        }
    }
}
