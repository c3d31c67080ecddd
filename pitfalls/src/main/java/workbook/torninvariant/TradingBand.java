package workbook.torninvariant;

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
        return new Band(low, high);
    }
}
