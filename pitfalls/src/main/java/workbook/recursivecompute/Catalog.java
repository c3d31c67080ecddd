package workbook.recursivecompute;

import java.util.List;

/** The product catalog, a remote service: each call takes a few milliseconds. */
public interface Catalog {

    /** The SKUs a bundle is made of; empty for a product that is not a bundle. */
    List<String> partsOf(String sku);

    /** A product's list price, in cents. */
    long listPrice(String sku);
}
