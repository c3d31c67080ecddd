package workbook.latchbeforeresult;

import java.util.concurrent.CompletableFuture;

/** The price service's asynchronous client: the future completes when the service has answered. */
public interface PriceService {

    /** The price of one item in cents. */
    CompletableFuture<Long> priceOf(String item);
}
