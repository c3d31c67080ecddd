package workbook.silentscheduleddeath;

import java.util.Map;

/** The remote price list: prices in cents by SKU. A network call, so now and then it fails. */
public interface PriceFeed {

    Map<String, Long> fetchPrices();
}
