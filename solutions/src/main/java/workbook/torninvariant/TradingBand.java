package workbook.torninvariant;

import java.util.concurrent.atomic.AtomicReference;

/** The price band orders are checked against, moved by the market feed. */
public class TradingBand implements PriceBand {

    private final AtomicReference<Band> band;

    public TradingBand(long low, long high) {
        this.band = new AtomicReference<>(new Band(low, high));
    }

    @Override
    public void move(long low, long high) {
        band.set(new Band(low, high));
    }

    @Override
    public Band current() {
        return band.get();
    }
}
