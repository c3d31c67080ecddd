package workbook.torninvariant;

// Wrong fix: a torn band has its low above its high, so read again until it does not. But a band moving down
// tears the other way: the new low with the old high is a valid-looking band the feed never set.
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
    public Band current() {
        while (true) {
            Band band = new Band(low, high);
            if (band.low() <= band.high()) {
                return band;
            }
        }
    }
}
