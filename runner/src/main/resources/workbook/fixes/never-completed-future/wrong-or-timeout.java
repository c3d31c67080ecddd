package workbook.nevercompletedfuture;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

// Wrong fix: orTimeout() ends the wait in the end, but only after a second, and with a TimeoutException instead of
// the rate service's exception: the caller still waits for a failure that was known at once.
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
            }
        });
        return rate.orTimeout(1, TimeUnit.SECONDS);
    }
}
