package workbook.torninvariant;

import java.util.concurrent.atomic.AtomicLong;

// Wrong fix: two AtomicLongs. Each is atomic on its own; the pair is still written in two steps and read in two.
// expect: STILL BROKEN

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private final AtomicLong low;
    private final AtomicLong high;

    public TradingBand(long low, long high) {
        this.low = new AtomicLong(low);
        this.high = new AtomicLong(high);
    }

    @Override
    public void move(long low, long high) {
        this.low.set(low);
        this.high.set(high);
    }

    @Override
    public Band current() {
        return new Band(low.get(), high.get());
    }
}
