package workbook.torninvariant;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The market feed of one round: moves the band up for a while, then down for a while, by up to 40 cents a move
 * (often more than its width), its width changing as it goes. The bands are drawn before the round starts and
 * numbered, so that a reader can tell which band its values came from, and so that the feed's thread does little
 * but move the band. Band 0 is the one the band was created with. Around each {@code move} the feed publishes the
 * number of the move it has begun and of the last one that returned: a band read between them must be one the feed
 * set in that range.
 *
 * <p>Within a stretch the low and the high both only rise (or only fall), and a stretch moving up keeps to even
 * cents while one moving down keeps to odd ones: within {@link #UNIQUE} moves, no two bands share a low or a high,
 * so every value a reader got names the one band it came from.
 */
final class MarketFeed {

    static final int MIN_STRETCH = 300;
    static final int MAX_STRETCH = 500;
    /** Moves within which no two bands share a value: a stretch of the other parity always lies between. */
    static final int UNIQUE = MIN_STRETCH;
    static final long MIN_STEP = 4;
    static final long MAX_STEP = 40;
    static final long MIN_WIDTH = 10;
    static final long MAX_WIDTH = 40;
    static final long FLOOR = 20_000;
    static final long CEILING = 120_000;

    /** Written before the round's threads start, and only read after. */
    private final long[] lows;
    private final long[] highs;
    private final AtomicLong begun = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();

    MarketFeed(int moves, SplittableRandom random) {
        lows = new long[moves + 1];
        highs = new long[moves + 1];
        long low = random.nextLong(FLOOR, CEILING) / 2 * 2;
        long width = random.nextLong(MIN_WIDTH / 2, MAX_WIDTH / 2 + 1) * 2;
        boolean up = true;
        int stretchLeft = random.nextInt(MIN_STRETCH, MAX_STRETCH);
        for (int n = 0; n <= moves; n++) {
            lows[n] = low;
            highs[n] = low + width;
            // The low moves an even 4 to 40 cents and the width at most 2, so the high moves the same way; at the
            // end of a stretch the band turns, by one cent, onto the other parity.
            if (--stretchLeft == 0) {
                up = low < FLOOR || low <= CEILING && !up;
                low += up ? 1 : -1;
                stretchLeft = random.nextInt(MIN_STRETCH, MAX_STRETCH);
            } else {
                long step = random.nextLong(MIN_STEP / 2, MAX_STEP / 2 + 1) * 2;
                low += up ? step : -step;
            }
            width = Math.clamp(width + 2 * random.nextLong(-1, 2), MIN_WIDTH, MAX_WIDTH);
        }
    }

    int moves() {
        return lows.length - 1;
    }

    Band band(long number) {
        return new Band(lows[(int) number], highs[(int) number]);
    }

    boolean isBand(long number, Band band) {
        return lows[(int) number] == band.low() && highs[(int) number] == band.high();
    }

    long low(long number) {
        return lows[(int) number];
    }

    long high(long number) {
        return highs[(int) number];
    }

    /** The number of the move the feed has begun (it may not have returned). */
    long begun() {
        return begun.get();
    }

    /** The number of the last move that returned. */
    long returned() {
        return returned.get();
    }

    /** Move {@code number} (from 1), on the feed's thread. */
    void move(PriceBand band, int number) {
        // A full fence: the band's own writes cannot move above it, so a reader that sees them sees this number.
        begun.set(number);
        band.move(lows[number], highs[number]);
        returned.lazySet(number);
    }
}
