package workbook.nevercompletedfuture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Right fix, another way than the reference: supplyAsync() on the I/O executor completes the future whatever the
// lookup throws (the checked IOException wrapped so the Supplier may throw it), and whenComplete() reports.
// expect: FIXED

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
        CompletableFuture<BigDecimal> rate = CompletableFuture.supplyAsync(() -> {
            try {
                return source.fetchRate(currency);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, ioExecutor);
        rate.whenComplete((value, error) -> {
            if (error != null) {
                errors.report("rate lookup failed for " + currency, error);
            }
        });
        return rate;
    }
}
