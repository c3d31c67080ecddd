package workbook.classinitcycle;

import java.util.List;

/**
 * The shop's shipping options and their prices. Cheap to make: each request makes its own, and many requests, on
 * many threads, call it at once.
 */
public interface Shipping {

    /** The options a customer can pick, in the order the checkout shows them, by their labels. */
    List<String> options();

    /** The price in cents to ship a parcel of this weight with this option (by its code); never below the minimum. */
    long quote(String option, int grams);
}
