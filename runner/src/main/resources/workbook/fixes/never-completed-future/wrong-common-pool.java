package workbook.nevercompletedfuture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

// Wrong fix: supplyAsync() completes the future whatever the lookup throws, but without the executor argument the
// blocking lookups run on the JVM's common pool, not on the I/O executor the client was given.
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
        return CompletableFuture.supplyAsync(() -> {
            try {
                return source.fetchRate(currency);
            } catch (IOException e) {
                errors.report("rate lookup failed for " + currency, e);
                throw new UncheckedIOException(e);
            }
        });
    }
}
