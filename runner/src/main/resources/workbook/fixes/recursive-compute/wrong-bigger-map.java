package workbook.recursivecompute;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: a map with room for ten thousand prices, so that it never resizes. Fewer bins are shared, none is
// avoided: a part whose key lands in its bundle's bin still meets the bundle's reservation.
// expect: STILL BROKEN

/** Prices products and bundles, and keeps every price it works out: the shop asks for the same ones all day. */
public class BundlePrices implements Prices {

    private final Catalog catalog;
    private final Map<String, Long> known = new ConcurrentHashMap<>(16_384);

    public BundlePrices(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public long priceOf(String sku) {
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
