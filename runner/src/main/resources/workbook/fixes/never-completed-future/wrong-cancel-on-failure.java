package workbook.nevercompletedfuture;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: cancelling the future on the error path ends the wait, but get() then throws a CancellationException
// that says nothing of why: the rate service's exception, the reason there is no rate, is lost.
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
            try {
                rate.complete(source.fetchRate(currency));
            } catch (IOException | RuntimeException e) {
                errors.report("rate lookup failed for " + currency, e);
                rate.cancel(false);
            }
        });
        return rate;
    }
}
