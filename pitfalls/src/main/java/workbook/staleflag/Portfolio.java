package workbook.staleflag;

/** A book's value (in cents) and the daily loss limit the risk desk watches. */
public final class Portfolio {

    /** The largest daily moves, in basis points (hundredths of a percent): the market's, and the book's own. */
    static final long MARKET_MOVE_BP = 200;
    static final long OWN_MOVE_BP = 100;

    private final long value;
    private final long limit;

    public Portfolio(long value, long limit) {
        this.value = value;
        this.limit = limit;
    }

    /** One simulated day's loss (negative for a gain): the market moves by up to ±2%, the book by up to ±1% more. */
    public long loss(Market market) {
        long moveBp = market.nextMoveBp(MARKET_MOVE_BP) + market.nextMoveBp(OWN_MOVE_BP);
        return -value * moveBp / 10_000;
    }

    public long limit() {
        return limit;
    }

    public long value() {
        return value;
    }
}
