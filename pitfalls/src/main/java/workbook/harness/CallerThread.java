package workbook.harness;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The thread a scenario calls the code under test on, so that a call that throws or never returns becomes a message
 * for the verdict instead of a hung trial. Closing it interrupts whatever call is still running.
 */
public final class CallerThread implements AutoCloseable {

    /** A call of the code under test that returns nothing. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    private final ExecutorService thread = Executors.newSingleThreadExecutor(Harness.threads("caller"));

    /**
     * Runs {@code call} on the caller thread and waits at most {@code patience}: empty if it returned, otherwise what
     * went wrong ("close() did not return within 2000 ms", "open() threw ...").
     */
    public Optional<String> call(String what, Duration patience, Call call) throws InterruptedException {
        Future<?> result = thread.submit(() -> {
            call.run();
            return null;
        });
        try {
            result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return Optional.empty();
        } catch (TimeoutException e) {
            return Optional.of(what + " did not return within " + patience.toMillis() + " ms");
        } catch (ExecutionException e) {
            return Optional.of(what + " threw " + e.getCause());
        }
    }

    /** Starts {@code call} on the caller thread, for a scenario that does something else while it runs. */
    public <T> Future<T> submit(Callable<T> call) {
        return thread.submit(call);
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
