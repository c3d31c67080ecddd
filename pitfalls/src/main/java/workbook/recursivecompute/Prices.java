package workbook.recursivecompute;

/** The shop's prices, bundles included. Made with the catalog it asks. */
public interface Prices {

    /**
     * The price of a product in cents: its list price, or for a bundle the sum of its parts' prices less 10%.
     * Remembers every price it works out: asking again for a known price asks the catalog nothing. Many callers ask
     * at once, and one caller working out a price never makes another wait for a price it works out.
     */
    long priceOf(String sku);
}
