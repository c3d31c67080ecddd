package workbook.poolpercall;

import java.util.List;
import java.util.concurrent.ExecutionException;

// Wrong fix: no pool of its own at all, a parallel stream on the common pool. Nothing leaks, but the common pool has
// one thread per core but one, so on a small machine the quotes are not all asked at once: the contract says they
// are. (And a remote call blocks a common-pool thread that the whole JVM shares.)
// expect: DOES NOT WORK

/** Asks every vendor for a quote at once and returns the lowest. */
public class PriceComparison implements PriceFinder {

    private final List<Vendor> vendors;

    public PriceComparison(List<Vendor> vendors) {
        this.vendors = List.copyOf(vendors);
    }

    @Override
    public long lowestPrice(String sku) throws InterruptedException, ExecutionException {
        return vendors.parallelStream().mapToLong(vendor -> {
            try {
                return vendor.quote(sku);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }).min().orElseThrow();
    }
}
