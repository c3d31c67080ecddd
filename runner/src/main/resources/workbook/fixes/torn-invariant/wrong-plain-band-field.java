package workbook.torninvariant;

// Wrong fix: one immutable Band, replaced whole, so no read is torn. But the field is not volatile: nothing makes a
// reader see the new band once move() has returned, and a reader in a loop may keep the old one for good.
// expect: DOES NOT WORK

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private Band band;

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
