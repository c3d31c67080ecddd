package workbook.torninvariant;

/**
 * The order threads' side of a round: each read of the band is judged against the feed's bands. A band read between
 * "move n had returned" and "move m had begun" must be one of bands n to m, whole; anything else is a band the feed
 * never set. Each reader keeps its own tally, read by the scenario once the readers have stopped.
 */
final class OrderChecks {

    /** Past bands searched for where a wrong read came from: fewer than {@link MarketFeed#UNIQUE}. */
    static final int LOOK_BACK = MarketFeed.UNIQUE - 44;

    enum Kind {
        /** The low of one band with the high of another. */
        TORN,
        /** A whole band, but one older than a move that had returned. */
        STALE,
        /** Values the feed never set, in any band it logged. */
        UNKNOWN,
        /** {@code current()} returned null. */
        NONE
    }

    /**
     * A read that was not a band the feed set in its window.
     *
     * @param lowFrom the band whose low the reader got, or -1
     * @param highFrom the band whose high the reader got (or the whole stale band), or -1
     */
    record Sighting(Kind kind, String reader, Band seen, long lowFrom, long highFrom, Band lowBand, Band highBand) {
    }

    static final class Tally {
        long reads;
        /** Reads that saw another band than the reader's read before: the feed and the reader took turns finely. */
        long changes;
        long torn;
        long stale;
        long unknown;
        long none;
        /** Reads so long that the feed's log no longer held their window. */
        long unjudged;
        /** The first torn read, the first with its low above its high, and the first other wrong read. */
        Sighting firstTorn;
        Sighting firstInverted;
        Sighting firstOther;
        private Band last;

        long wrong() {
            return torn + stale + unknown + none;
        }
    }

    private final MarketFeed feed;
    private final Tally[] tallies;
    private final String role;

    OrderChecks(MarketFeed feed, String role, int readers) {
        this.feed = feed;
        this.role = role;
        this.tallies = new Tally[readers];
        for (int i = 0; i < readers; i++) {
            tallies[i] = new Tally();
        }
    }

    Tally tally(int reader) {
        return tallies[reader];
    }

    /** One read, on reader {@code reader}'s thread. */
    void read(int reader, PriceBand band) {
        Tally tally = tallies[reader];
        long from = feed.returned();
        Band seen = band.current();
        long to = feed.begun();
        tally.reads++;
        if (seen == null) {
            tally.none++;
            tally.firstOther = first(tally.firstOther, new Sighting(Kind.NONE, name(reader), null, -1, -1, null, null));
            return;
        }
        if (!seen.equals(tally.last)) {
            tally.changes++;
            tally.last = seen;
        }
        if (to - from >= LOOK_BACK) {
            tally.unjudged++;
            return;
        }
        for (long n = from; n <= to; n++) {
            if (feed.isBand(n, seen)) {
                return;
            }
        }
        long now = feed.begun();
        if (now - from >= LOOK_BACK) {
            tally.unjudged++;
            return;
        }
        // A band set after "to" was read: a plain field's read may be made after the read of "to" that follows it
        // in the code. Whole, and not stale, so not wrong.
        for (long n = to + 1; n <= now; n++) {
            if (feed.isBand(n, seen)) {
                return;
            }
        }
        Sighting wrong = judge(name(reader), seen, from, now);
        switch (wrong.kind()) {
            case TORN -> {
                tally.torn++;
                tally.firstTorn = first(tally.firstTorn, wrong);
                if (seen.low() > seen.high()) {
                    tally.firstInverted = first(tally.firstInverted, wrong);
                }
            }
            case STALE -> {
                tally.stale++;
                tally.firstOther = first(tally.firstOther, wrong);
            }
            default -> {
                tally.unknown++;
                tally.firstOther = first(tally.firstOther, wrong);
            }
        }
    }

    /**
     * Where a wrong read came from, its values being unique within the range searched: a whole band older than the
     * window (stale), or the halves of two bands (torn), or neither.
     */
    private Sighting judge(String reader, Band seen, long from, long to) {
        long oldest = Math.max(0, to - LOOK_BACK);
        for (long n = from - 1; n >= oldest; n--) {
            if (feed.isBand(n, seen)) {
                return new Sighting(Kind.STALE, reader, seen, n, n, feed.band(n), feed.band(n));
            }
        }
        long lowFrom = latest(seen, true, oldest, to);
        long highFrom = latest(seen, false, oldest, to);
        Kind kind = lowFrom >= 0 && highFrom >= 0 && lowFrom != highFrom ? Kind.TORN : Kind.UNKNOWN;
        return new Sighting(kind, reader, seen, lowFrom, highFrom, lowFrom < 0 ? null : feed.band(lowFrom),
                highFrom < 0 ? null : feed.band(highFrom));
    }

    /** The latest band in {@code from..to} whose low (or high) is the one seen, or -1. */
    private long latest(Band seen, boolean low, long from, long to) {
        for (long n = to; n >= from; n--) {
            if (low ? feed.low(n) == seen.low() : feed.high(n) == seen.high()) {
                return n;
            }
        }
        return -1;
    }

    private static Sighting first(Sighting first, Sighting next) {
        return first == null ? next : first;
    }

    private String name(int reader) {
        return role + "-" + (reader + 1);
    }
}
