package workbook.torninvariant;

// Wrong fix: move() is synchronized, so the feed writes the two fields as one step. But current() takes no lock:
// a reader can still read the low after the feed wrote it and the high before.
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
    public synchronized void move(long low, long high) {
        this.low = low;
        this.high = high;
    }

    @Override
    public Band current() {
        return new Band(low, high);
    }
}
