package workbook.uninterruptibleio;

import java.util.ArrayList;
import java.util.List;
import workbook.harness.Evidence;
import workbook.harness.TimelineRecorder;

/**
 * What the quote server sent, and when: every send (a whole quote, a part of one, or the end of the feed) on the
 * trial's timeline, and the quotes sent whole, in order.
 */
final class FeedLog {

    private final QuoteServer server;
    private final TimelineRecorder events;
    private final List<Long> sendTimes = new ArrayList<>();
    private final List<String> quotes = new ArrayList<>();
    private long longestPause;

    /** A log of what {@code server} sends, its times counted from {@code originNanos}. */
    FeedLog(QuoteServer server, long originNanos) {
        this.server = server;
        this.events = new TimelineRecorder(originNanos);
    }

    /** Sends {@code text} to every connection the server feeds, and logs it as {@code what}. */
    void send(String text, String what) {
        long now = System.nanoTime();
        if (!sendTimes.isEmpty()) {
            longestPause = Math.max(longestPause, now - lastSentAt());
        }
        sendTimes.add(now);
        events.add(now, QuoteServer.NAME, what);
        server.send(text);
    }

    /** A quote is out whole: its last part was sent. */
    void sentWhole(String quote) {
        quotes.add(quote);
    }

    /** Something else the server did. */
    void note(String what) {
        events.add(QuoteServer.NAME, what);
    }

    /** The quotes sent whole so far, in order. */
    List<String> quotes() {
        return List.copyOf(quotes);
    }

    long lastSentAt() {
        return sendTimes.get(sendTimes.size() - 1);
    }

    /** When the server last sent something, at or before {@code nanos}; {@code nanos} itself if it had sent nothing. */
    long lastSentBefore(long nanos) {
        return sendTimes.stream().filter(t -> t <= nanos).mapToLong(Long::longValue).max().orElse(nanos);
    }

    /** The longest time the server sent nothing, between two quotes or two parts of one, in nanoseconds. */
    long longestPause() {
        return longestPause;
    }

    List<Evidence.Event> events() {
        return events.events();
    }
}
