package workbook.recursivecompute;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: catch the IllegalStateException and work the price out without keeping it. One caller gets its
// price; two callers whose parts sit in each other's bins still lock each other out, and nothing throws then.
// expect: STILL BROKEN

/** Prices products and bundles, and keeps every price it works out: the shop asks for the same ones all day. */
public class BundlePrices implements Prices {

    private final Catalog catalog;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    public BundlePrices(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public long priceOf(String sku) {
        try {
            return known.computeIfAbsent(sku, this::workOut);
        } catch (IllegalStateException recursiveUpdate) {
            return workOut(sku);
        }
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
