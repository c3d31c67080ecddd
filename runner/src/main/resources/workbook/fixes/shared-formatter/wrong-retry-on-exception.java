package workbook.sharedformatter;

import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.Locale;
import java.util.TimeZone;

// Wrong fix: the NumberFormatExceptions in the log shipper come and go, so retry a parse that throws. The
// throws go, the wrong answers stay: most calls that race return a wrong time without throwing.
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
        return format.format(new Date(epochMillis));
    }

    @Override
    public long parse(String timestamp) {
        for (int attempt = 1;; attempt++) {
            try {
                return format.parse(timestamp).getTime();
            } catch (ParseException | RuntimeException e) {
                if (attempt == 3) {
                    throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
                }
            }
        }
    }
}
