package workbook.earlybufferrelease;

/** Ships log lines to the collector. */
public interface Shipper {

    /**
     * Ships one line. The promises beyond the line: every line arrives whole and once; ship returns at once, the
     * write running on the writer pool the shipper was given; and every buffer it takes from the pool goes back to it,
     * that of a line the writer pool refuses (once shut down) too, ship then throwing the pool's
     * {@link java.util.concurrent.RejectedExecutionException}.
     */
    void ship(String line);
}
