package workbook.unboundedvirtualthreads;

import java.util.List;
import java.util.concurrent.ExecutionException;

/** Quotes the shipping of a cart at checkout. Many checkouts call it at once, each with its own cart. */
public interface ShippingQuoter {

    /**
     * The carrier's price for each parcel, in the parcels' order. The promises beyond the prices:
     * <ul>
     * <li>it asks for the parcels' quotes concurrently, as many at once as the carrier allows
     * ({@link CarrierApi#concurrentCallLimit()}), and never more, counting the calls of every cart being quoted at the
     * same time: the limit is the carrier's, for this whole client;</li>
     * <li>a quote that would go over the limit waits for its turn; it is neither refused nor dropped;</li>
     * <li>a quote the carrier fails (a postcode it does not serve) fails the call, with an {@link ExecutionException}
     * whose cause is the carrier's exception;</li>
     * <li>it keeps no threads between calls: every thread it starts for a call has ended when the call returns or
     * throws. (So a pool of its own that lives across calls is not the way to limit the calls.)</li>
     * </ul>
     */
    List<Long> quoteAll(List<Parcel> parcels) throws InterruptedException, ExecutionException;
}
