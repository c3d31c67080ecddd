package workbook.poolpercall;

/** A supplier that quotes its price for an item. Quoting is a remote call: it takes a while. */
public interface Vendor {

    String name();

    /** The price in cents. */
    long quote(String sku) throws InterruptedException;
}
