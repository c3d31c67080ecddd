package workbook.recursivecompute;

import java.util.List;

// Wrong fix: no map at all. Nothing can update it recursively, but every price is worked out again each time,
// and the catalog is asked again and again for prices already known.
// expect: DOES NOT WORK

/** Prices products and bundles, and keeps every price it works out: the shop asks for the same ones all day. */
public class BundlePrices implements Prices {

    private final Catalog catalog;

    public BundlePrices(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public long priceOf(String sku) {
        return workOut(sku);
    }

    private long workOut(String sku) {
        List<String> parts = catalog.partsOf(sku);
        if (parts.isEmpty()) {
            return catalog.listPrice(sku);
        }
        long total = 0;
        for (String part : parts) {
            total += priceOf(part);
        }
        return total * 90 / 100;
    }
}
