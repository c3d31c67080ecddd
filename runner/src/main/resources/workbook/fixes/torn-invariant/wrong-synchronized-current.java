package workbook.torninvariant;

// Wrong fix: current() is synchronized, so a reader reads both fields in one step. But move() takes no lock: the
// feed can still write the low, then the high, while a reader holds the lock.
// expect: STILL BROKEN

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private volatile long low;
    private volatile long high;

    public TradingBand(long low, long high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public void move(long low, long high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public synchronized Band current() {
        return new Band(low, high);
    }
}
