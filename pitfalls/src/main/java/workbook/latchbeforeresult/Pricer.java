package workbook.latchbeforeresult;

import java.util.List;
import java.util.Map;

/**
 * Prices a basket.
 *
 * <p>
 * Its promises beyond the result: it asks for every item's price at once (every request to the service is in flight
 * before it waits for any answer), and it returns as soon as the last price is in the map, not a fixed time later.
 */
public interface Pricer {

    /** The price in cents of every item, by item, once all of them are known. */
    Map<String, Long> prices(List<String> items) throws InterruptedException;
}
