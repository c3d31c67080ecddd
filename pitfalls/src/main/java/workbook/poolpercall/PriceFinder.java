package workbook.poolpercall;

import java.util.concurrent.ExecutionException;

/** Finds the best price for an item. Called once per product page view. */
public interface PriceFinder {

    /** The lowest price, in cents, that any vendor quotes for the item. */
    long lowestPrice(String sku) throws InterruptedException, ExecutionException;
}
