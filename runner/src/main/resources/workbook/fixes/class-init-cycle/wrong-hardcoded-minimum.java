package workbook.classinitcycle;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

// Wrong fix: the minimum charge written down (today's standard rate), so that Rates needs no Option. The cycle
// is gone, but the carrier changes its rates, and the minimum no longer follows them.
// expect: DOES NOT WORK

/** Shipping prices from the carrier's rates: a price per kilogram, and a minimum charge. */
public class ShippingOptions implements Shipping {

    @Override
    public List<String> options() {
        return Arrays.stream(Option.values()).map(option -> option.label).toList();
    }

    @Override
    public long quote(String option, int grams) {
        long price = Rates.PER_KG.get(option) * grams / 1_000;
        return Math.max(price, Rates.MINIMUM);
    }

    /** The carrier's rates, read once. */
    static final class Rates {
        static final Map<String, Long> PER_KG = Carrier.rates();
        /** No parcel ships for less than a kilogram by the cheapest option. */
        static final long MINIMUM = 450;
    }

    /** The options the checkout offers, cheapest first. */
    enum Option {
        STANDARD, EXPRESS, OVERNIGHT;

        final String label = Carrier.label(name());
        final long perKg = Rates.PER_KG.get(name());

        /** The code of the cheapest option, whose rate for a kilogram is the least any parcel costs. */
        static final String CHEAPEST = "STANDARD";

        static long minimumCharge() {
            return Rates.PER_KG.get(CHEAPEST);
        }
    }
}
