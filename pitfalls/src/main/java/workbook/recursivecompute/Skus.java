package workbook.recursivecompute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * SKUs picked by where a {@code ConcurrentHashMap} puts them: in the bin its {@code spread(hashCode())} selects. Two
 * keys whose spread hashes agree in their low 16 bits share a bin in every table of up to 65,536 bins, so a map of
 * any initial capacity a fix may choose puts them together.
 */
final class Skus {

    static final int TABLE = 16;
    private static final int SAME_BIN_MASK = 0xFFFF;
    private static final List<String> PREFIXES = List.of("CAM", "LENS", "BAG", "TRIPOD", "CARD", "STRAP");
    private static final int PER_PREFIX = 2_000;
    private static final int KITS = 2_000;

    private static final Map<Integer, List<String>> PRODUCTS_BY_LOW_BITS = new HashMap<>();
    private static final List<String> PRODUCTS = new ArrayList<>();
    /** Bundles that share their bin with at least one product. */
    private static final List<String> KITS_WITH_A_NEIGHBOUR = new ArrayList<>();

    static {
        for (String prefix : PREFIXES) {
            for (int i = 0; i < PER_PREFIX; i++) {
                String sku = prefix + "-" + fourDigits(i);
                PRODUCTS.add(sku);
                PRODUCTS_BY_LOW_BITS.computeIfAbsent(spread(sku) & SAME_BIN_MASK, bits -> new ArrayList<>()).add(sku);
            }
        }
        for (int i = 0; i < KITS; i++) {
            String kit = "KIT-" + fourDigits(i);
            if (PRODUCTS_BY_LOW_BITS.containsKey(spread(kit) & SAME_BIN_MASK)) {
                KITS_WITH_A_NEIGHBOUR.add(kit);
            }
        }
    }

    private Skus() {
    }

    private static String fourDigits(int n) {
        String digits = Integer.toString(n);
        return "0000".substring(digits.length()) + digits;
    }

    /** As {@code ConcurrentHashMap.spread}: the hash code's high bits folded into the low ones. */
    static int spread(String sku) {
        int h = sku.hashCode();
        return (h ^ (h >>> 16)) & 0x7fffffff;
    }

    /** The key's bin in a table of {@link #TABLE} bins, a new map's. */
    static int bin(String sku) {
        return spread(sku) & (TABLE - 1);
    }

    /** A bundle that shares its bin with some product, in none of the bins given. */
    static String kit(SplittableRandom random, Set<Integer> notInBins) {
        while (true) {
            String kit = KITS_WITH_A_NEIGHBOUR.get(random.nextInt(KITS_WITH_A_NEIGHBOUR.size()));
            if (!notInBins.contains(bin(kit))) {
                return kit;
            }
        }
    }

    /** A product in the same bin as {@code sku}, in every table of up to 65,536 bins. */
    static String neighbourOf(String sku, SplittableRandom random) {
        List<String> same = PRODUCTS_BY_LOW_BITS.get(spread(sku) & SAME_BIN_MASK);
        return same.get(random.nextInt(same.size()));
    }

    /** A product in none of the bins given. */
    static String product(SplittableRandom random, Set<Integer> notInBins) {
        while (true) {
            String sku = PRODUCTS.get(random.nextInt(PRODUCTS.size()));
            if (!notInBins.contains(bin(sku))) {
                return sku;
            }
        }
    }
}
