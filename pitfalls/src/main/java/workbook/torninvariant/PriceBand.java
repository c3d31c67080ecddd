package workbook.torninvariant;

/**
 * The price band of one instrument: the market feed moves it, and every order is checked against it. The promises
 * beyond the values: it is safe to call from many threads at once; {@code current()} returns a band that was set,
 * whole (never the low of one band with the high of another), and once {@code move} has returned, that band or a
 * later one.
 */
public interface PriceBand {

    /** Moves the band to {@code low..high}; {@code low <= high}. */
    void move(long low, long high);

    /** The band now. */
    Band current();
}
