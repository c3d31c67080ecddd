package workbook.recursivecompute;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Prices products and bundles, and keeps every price it works out: the shop asks for the same ones all day. */
public class BundlePrices implements Prices {

    private final Catalog catalog;
    private final Map<String, Long> known = new ConcurrentHashMap<>();

    public BundlePrices(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public long priceOf(String sku) {
        Long price = known.get(sku);
        if (price != null) {
            return price;
        }
        // Worked out outside the map, then kept: the map is never updated from inside one of its own updates.
        long worked = workOut(sku);
        Long first = known.putIfAbsent(sku, worked);
        return first != null ? first : worked;
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
