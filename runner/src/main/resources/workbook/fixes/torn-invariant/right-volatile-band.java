package workbook.torninvariant;

// Right fix: one volatile field holding an immutable Band. A move replaces the whole band in one write; a read
// gets one band, whole.
// expect: FIXED

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private volatile Band band;

    public TradingBand(long low, long high) {
        this.band = new Band(low, high);
    }

    @Override
    public void move(long low, long high) {
        band = new Band(low, high);
    }

    @Override
    public Band current() {
        return band;
    }
}
