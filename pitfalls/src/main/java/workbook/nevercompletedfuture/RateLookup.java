package workbook.nevercompletedfuture;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

/**
 * Exchange rates without blocking the caller: {@link #rate} returns at once, and the future completes with the rate,
 * or exceptionally with the reason there is none.
 */
public interface RateLookup {

    CompletableFuture<BigDecimal> rate(String currency);
}
