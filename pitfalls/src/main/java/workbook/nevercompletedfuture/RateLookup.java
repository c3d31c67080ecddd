package workbook.nevercompletedfuture;

import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;

/**
 * Exchange rates without blocking the caller: {@link #rate} returns at once, and the lookup runs on the I/O executor
 * the client was given. The future completes with the rate, or, whatever the lookup throws (checked or not),
 * exceptionally with that exception as the reason there is none.
 */
public interface RateLookup {

    CompletableFuture<BigDecimal> rate(String currency);
}
