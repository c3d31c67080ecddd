package workbook.sharedformatter;

/**
 * The timestamps of the audit log: every thread that writes a log line formats its time, and the log shipper reads
 * the times back. Timestamps are UTC, to the millisecond: {@code 2026-03-14 09:26:53.589}.
 *
 * <p>One instance serves the whole application: safe to call from many threads at once, and no caller waits for
 * another's call (a lock around every call would make the application's threads log one at a time).
 */
public interface TimestampFormat {

    /** The timestamp of this instant, in milliseconds since the epoch. */
    String format(long epochMillis);

    /**
     * The instant of a timestamp this format wrote.
     *
     * @throws IllegalArgumentException if the text is not such a timestamp
     */
    long parse(String timestamp);
}
