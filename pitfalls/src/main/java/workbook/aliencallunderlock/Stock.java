package workbook.aliencallunderlock;

/** The warehouse's stock levels, which many threads adjust and read at once. */
public interface Stock {

    /**
     * Adds {@code delta} to the product's level (a delivery, or a sale when negative), then tells every listener of
     * the change before it returns: each listener once, with the level before and after, and only once the change
     * is made. Listeners may call back into this stock, from their own thread or from another one.
     */
    void adjust(String sku, int delta);

    /** The product's level: 0 for a product never adjusted. */
    int level(String sku);

    void addListener(StockListener listener);
}
