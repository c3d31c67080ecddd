package workbook.recursivecompute;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

// Wrong fix: look up, work out and keep, all under one lock. Nothing recursive happens inside the map any
// more, but every caller waits while another one asks the catalog: two bundles are never worked out at once.
// expect: DOES NOT WORK

/** Prices products and bundles, and keeps every price it works out: the shop asks for the same ones all day. */
public class BundlePrices implements Prices {

    private final Catalog catalog;
    private final Map<String, Long> known = new HashMap<>();

    public BundlePrices(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public synchronized long priceOf(String sku) {
        Long price = known.get(sku);
        if (price == null) {
            price = workOut(sku);
            known.put(sku, price);
        }
        return price;
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
