package workbook.nevercompletedfuture;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: the future is completed on the IOException path, but only there. A rate service that answers with
// something that is not a number makes fetchRate() throw a NumberFormatException, which escapes the task, kills
// the I/O thread, and leaves the future incomplete for good.
// expect: STILL BROKEN

/** Looks rates up on the I/O executor, so that request threads never block on the rate service. */
public class ExchangeRates implements RateLookup {

    private final Executor ioExecutor;
    private final RateSource source;
    private final ErrorReporter errors;

    public ExchangeRates(Executor ioExecutor, RateSource source, ErrorReporter errors) {
        this.ioExecutor = ioExecutor;
        this.source = source;
        this.errors = errors;
    }

    @Override
    public CompletableFuture<BigDecimal> rate(String currency) {
        CompletableFuture<BigDecimal> rate = new CompletableFuture<>();
        ioExecutor.execute(() -> {
            try {
                rate.complete(source.fetchRate(currency));
            } catch (IOException e) {
                errors.report("rate lookup failed for " + currency, e);
                rate.completeExceptionally(e);
            }
        });
        return rate;
    }
}
