package workbook.nevercompletedfuture;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: completing the future with null on the error path ends the wait, but the caller receives "no rate" as
// if it were a rate, and the reason (the rate service's exception) is lost.
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
        CompletableFuture<BigDecimal> rate = new CompletableFuture<>();
        ioExecutor.execute(() -> {
            BigDecimal value = null;
            try {
                value = source.fetchRate(currency);
            } catch (IOException | RuntimeException e) {
                errors.report("rate lookup failed for " + currency, e);
            } finally {
                rate.complete(value);
            }
        });
        return rate;
    }
}
