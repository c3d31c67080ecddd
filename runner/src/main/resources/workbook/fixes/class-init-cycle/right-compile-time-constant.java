package workbook.classinitcycle;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

// Right fix, another way: the minimum from Rates' own map. Option.CHEAPEST is a compile-time constant, which the
// compiler copies into Rates: reading it does not initialise Option, so Rates' initialiser needs no other class.
// expect: FIXED

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
        static final long MINIMUM = PER_KG.get(Option.CHEAPEST);
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
