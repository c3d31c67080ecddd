package workbook.poolpercall;

import java.util.concurrent.ExecutionException;

/** Finds the best price for an item. Called once per product page view. */
public interface PriceFinder extends AutoCloseable {

    /**
     * The lowest price, in cents, that any vendor quotes for the item. The promises beyond the price: it asks every
     * vendor at once (the quotes run in parallel); a vendor that fails to quote fails the call, with an
     * {@link ExecutionException} whose cause is the vendor's failure; and whether it returns or throws, no thread it
     * started for the call outlives it.
     */
    long lowestPrice(String sku) throws InterruptedException, ExecutionException;

    /**
     * The application is done with this finder: a finder that keeps threads from one call to the next (a pool it
     * shares across calls) ends them here. Keeping none, it has nothing to do.
     */
    @Override
    default void close() {
    }
}
