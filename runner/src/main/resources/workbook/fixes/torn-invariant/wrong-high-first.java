package workbook.torninvariant;

// Wrong fix: write the high first, and read the low first, so that "a reader never sees a low above the high". On
// a band moving up it does not; on a band moving down it gets the old low with the new high, a band never set.
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
        this.high = high;
        this.low = low;
    }

    @Override
    public Band current() {
        long low = this.low;
        return new Band(low, high);
    }
}
