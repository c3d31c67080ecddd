package workbook.recursivecompute;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: priceOf synchronized. One caller at a time, so no two computeIfAbsent calls can meet: but the
// recursive one is the same caller's, inside its own computeIfAbsent, and the lock lets it in.
// expect: STILL BROKEN

/** Prices products and bundles, and keeps every price it works out: the shop asks for the same ones all day. */
public class BundlePrices implements Prices {

    private final Catalog catalog;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    public BundlePrices(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public synchronized long priceOf(String sku) {
        return known.computeIfAbsent(sku, this::workOut);
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
