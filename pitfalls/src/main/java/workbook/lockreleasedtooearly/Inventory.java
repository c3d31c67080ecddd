package workbook.lockreleasedtooearly;

/** The stock of a warehouse. */
public interface Inventory {

    /**
     * Takes {@code quantity} units of the item off the stock, and logs the change. The promises beyond the stock:
     * reservations of an item never overlap, so each one sees what the one before it left and none is lost; every
     * reservation is applied and logged once; and reserve returns at once: the change is made on the writer pool
     * the inventory was given, so that request threads never wait for the log.
     */
    void reserve(String sku, int quantity);

    /** The units of the item in stock now. */
    int available(String sku);
}
