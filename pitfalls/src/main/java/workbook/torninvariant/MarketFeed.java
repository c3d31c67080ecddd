package workbook.torninvariant;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The market feed: moves the band up for a while, then down for a while, by up to 40 cents a move (often more than
 * its width), its width changing as it goes, and logs every band it sets, numbered, so that a reader can tell which band its values came from. Band 0
 * is the one the band was created with. Around each {@code move} it publishes the number of the move it has begun
 * and of the last one that returned: a band read between them must be one the feed set in that range.
 *
 * <p>Within a stretch the low and the high both only rise (or only fall), and a stretch moving up keeps to even
 * cents while one moving down keeps to odd ones: within {@link #UNIQUE} moves, no two bands share a low or a high,
 * so every value a reader got names the one band it came from.
 */
final class MarketFeed {

    /** Bands kept in the log; a reader whose read spans more moves than this is not judged. */
    static final int LOG_SIZE = 1 << 9;
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

    private final AtomicLongArray lows = new AtomicLongArray(LOG_SIZE);
    private final AtomicLongArray highs = new AtomicLongArray(LOG_SIZE);
    private final AtomicLong begun = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();
    private final SplittableRandom random;
    private long low;
    private long width;
    private boolean up;
    private int stretchLeft;

    MarketFeed(SplittableRandom random) {
        this.random = random;
        this.low = random.nextLong(FLOOR, CEILING) / 2 * 2;
        this.width = random.nextLong(MIN_WIDTH / 2, MAX_WIDTH / 2 + 1) * 2;
        this.up = true;
        this.stretchLeft = random.nextInt(MIN_STRETCH, MAX_STRETCH);
        Band first = new Band(low, low + width);
        lows.set(0, first.low());
        highs.set(0, first.high());
    }

    Band band(long number) {
        int slot = (int) (number & (LOG_SIZE - 1));
        return new Band(lows.get(slot), highs.get(slot));
    }

    /** The number of the move the feed has begun (it may not have returned). */
    long begun() {
        return begun.get();
    }

    /** The number of the last move that returned. */
    long returned() {
        return returned.get();
    }

    /** One move, on the feed's thread: the next band of the walk is logged, then set. */
    void move(PriceBand band) {
        long number = begun.get() + 1;
        Band next = next();
        int slot = (int) (number & (LOG_SIZE - 1));
        lows.lazySet(slot, next.low());
        highs.lazySet(slot, next.high());
        // A full fence: the band's own writes cannot move above it, so a reader that sees them sees this number.
        begun.set(number);
        band.move(next.low(), next.high());
        returned.lazySet(number);
    }

    /**
     * The next band: the low moves an even 4 to 40 cents and the width at most 2, so the high moves the same way as
     * the low; at the end of a stretch the band turns, by one cent, onto the other parity.
     */
    private Band next() {
        if (--stretchLeft == 0) {
            up = low < FLOOR || low <= CEILING && !up;
            low += up ? 1 : -1;
            stretchLeft = random.nextInt(MIN_STRETCH, MAX_STRETCH);
        } else {
            long step = random.nextLong(MIN_STEP / 2, MAX_STEP / 2 + 1) * 2;
            low += up ? step : -step;
        }
        width = Math.clamp(width + 2 * random.nextLong(-1, 2), MIN_WIDTH, MAX_WIDTH);
        return new Band(low, low + width);
    }
}
