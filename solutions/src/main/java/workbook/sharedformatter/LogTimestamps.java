package workbook.sharedformatter;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The audit log's timestamps, built once and shared by every thread that logs. */
public class LogTimestamps implements TimestampFormat {

    static final String PATTERN = "yyyy-MM-dd HH:mm:ss.SSS";

    // Immutable: every call keeps its work in its own objects, so threads can share it.
    private final DateTimeFormatter format = DateTimeFormatter.ofPattern(PATTERN, Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Override
    public String format(long epochMillis) {
        return format.format(Instant.ofEpochMilli(epochMillis));
    }

    @Override
    public long parse(String timestamp) {
        try {
            return Instant.from(format.parse(timestamp)).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a timestamp: " + timestamp, e);
        }
    }
}
