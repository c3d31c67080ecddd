package workbook.latchbeforeresult;

import java.util.List;
import java.util.Map;

/** Prices a basket. */
public interface Pricer {

    /** The price in cents of every item, by item, once all of them are known. */
    Map<String, Long> prices(List<String> items) throws InterruptedException;
}
