package workbook.torninvariant;

// Right fix: one lock for both fields, taken by the writer and by every reader, so a read happens wholly before a
// move or wholly after it.
// expect: FIXED

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private long low;
    private long high;

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
    public synchronized Band current() {
        return new Band(low, high);
    }
}
