package workbook.uninterruptibleio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import workbook.harness.Delays;

/**
 * What the quote server sends in one trial, drawn anew: 5 to 7 quotes, most a few milliseconds apart, with one quiet
 * spell between two of them longer than any cancel may take, one quote sent in two parts with a pause as long in
 * between (the order book is cancelled early in that pause), and, once the ticker is cancelled, the quote with which
 * the feed wakes up. Any read timeout short enough to notice a cancel in time runs out in those pauses, so a reader
 * that takes a timeout for the end of the feed, or loses the part of a line read before it, shows; and no wait of a
 * fixed length fits every trial.
 */
final class FeedScript {

    /** A quote to send, after a pause; sent in two parts, a pause apart, when {@code splitAt} is above 0. */
    record Send(Duration before, String quote, int splitAt, Duration partPause) {
        boolean split() {
            return splitAt > 0;
        }
    }

    static final List<String> SYMBOLS = List.of("AAPL", "MSFT", "NVDA", "AMZN", "GOOG", "META", "TSLA", "ORCL");
    static final Duration SHORTEST_GAP = Duration.ofMillis(5);
    static final Duration LONGEST_GAP = Duration.ofMillis(100);
    /** Longer than the 200 ms a cancel may take, so that a timeout that ends the feed shows in it. */
    static final Duration SHORTEST_QUIET = Duration.ofMillis(300);
    static final Duration LONGEST_QUIET = Duration.ofMillis(600);
    /**
     * Longer than the latest cancel in the pause plus the 200 ms a cancel may take, so that a reader the cancel finds
     * in the middle of a line shows if it stops only once the line is whole.
     */
    static final Duration SHORTEST_PART_PAUSE = Duration.ofMillis(350);
    static final Duration LONGEST_PART_PAUSE = Duration.ofMillis(500);
    /** After the last quote is handed over, before the ticker's cancel: the ticker is then waiting for the next one. */
    static final Duration SHORTEST_BEFORE_CANCEL = Duration.ofMillis(2);
    static final Duration LONGEST_BEFORE_CANCEL = Duration.ofMillis(50);
    /**
     * After the first part of the split quote, before the order book's cancel: long enough for a reader that polls
     * (every few tens of milliseconds) to have seen that part and started on the line.
     */
    static final Duration SHORTEST_BEFORE_BOOK_CANCEL = Duration.ofMillis(60);
    static final Duration LONGEST_BEFORE_BOOK_CANCEL = Duration.ofMillis(100);

    private final List<Send> sends;
    private final String wakeUp;
    private final Duration beforeCancel;
    private final Duration beforeBookCancel;

    private FeedScript(List<Send> sends, String wakeUp, Duration beforeCancel, Duration beforeBookCancel) {
        this.sends = List.copyOf(sends);
        this.wakeUp = wakeUp;
        this.beforeCancel = beforeCancel;
        this.beforeBookCancel = beforeBookCancel;
    }

    static FeedScript draw(SplittableRandom random) {
        int count = random.nextInt(5, 8);
        // The quiet spell comes before a quote from the second on; the split quote is another one, not the first.
        int quietBefore = random.nextInt(1, count);
        int split = random.nextInt(1, count - 1);
        if (split >= quietBefore) {
            split++;
        }
        List<Send> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Duration before = i == 0
                    ? Duration.ZERO
                    : i == quietBefore
                            ? Delays.between(SHORTEST_QUIET, LONGEST_QUIET)
                            : Delays.between(SHORTEST_GAP, LONGEST_GAP);
            String quote = quote(random);
            sends.add(i == split
                    ? new Send(before, quote, random.nextInt(1, quote.length()),
                            Delays.between(SHORTEST_PART_PAUSE, LONGEST_PART_PAUSE))
                    : new Send(before, quote, 0, Duration.ZERO));
        }
        return new FeedScript(sends, quote(random), Delays.between(SHORTEST_BEFORE_CANCEL, LONGEST_BEFORE_CANCEL),
                Delays.between(SHORTEST_BEFORE_BOOK_CANCEL, LONGEST_BEFORE_BOOK_CANCEL));
    }

    private static String quote(SplittableRandom random) {
        return String.format(Locale.ROOT, "%s %d.%02d", SYMBOLS.get(random.nextInt(SYMBOLS.size())),
                random.nextInt(20, 900), random.nextInt(100));
    }

    List<Send> sends() {
        return sends;
    }

    List<String> quotes() {
        return sends.stream().map(Send::quote).toList();
    }

    /** The quote the feed sends when it wakes up, after the cancel. */
    String wakeUp() {
        return wakeUp;
    }

    /** From the last quote handed over to the ticker's cancel. */
    Duration beforeCancel() {
        return beforeCancel;
    }

    /** From the first part of the split quote to the order book's cancel. */
    Duration beforeBookCancel() {
        return beforeBookCancel;
    }
}
