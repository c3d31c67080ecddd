package workbook.nevercompletedfuture;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: doing the lookup right here and returning a future that is already complete does complete it on every
// path, but rate() now blocks the request thread on the rate service, which is what the I/O executor was there to
// avoid; the contract says rate() returns at once and the lookup runs on the executor it was given.
// expect: DOES NOT WORK

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
        try {
            return CompletableFuture.completedFuture(source.fetchRate(currency));
        } catch (IOException | RuntimeException e) {
            errors.report("rate lookup failed for " + currency, e);
            return CompletableFuture.failedFuture(e);
        }
    }
}
