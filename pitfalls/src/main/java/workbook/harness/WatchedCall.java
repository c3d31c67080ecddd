package workbook.harness;

/**
 * One call of the code under test on a named daemon thread of its own, which the scenario starts and then watches
 * while it runs (its state, its stack, the work around it): whether the call has ended, when, and what it returned or
 * threw. For calls that may never return and must be looked at meanwhile, which {@link CallerThread}, waiting for its
 * call, cannot do.
 */
public final class WatchedCall<T> {

    /** The call, as the scenario's thread makes it. */
    @FunctionalInterface
    public interface Body<T> {
        T call() throws Exception;
    }

    private final Thread thread;
    private volatile long endedAt;
    private volatile T result;
    private volatile Throwable thrown;

    /** The call, on a daemon thread of this name (the name the evidence shows), not started yet. */
    public WatchedCall(String threadName, Body<T> body) {
        thread = new Thread(() -> {
            try {
                result = body.call();
            } catch (Throwable failure) {
                thrown = failure;
            } finally {
                endedAt = System.nanoTime();
            }
        }, threadName);
        thread.setDaemon(true);
    }

    public WatchedCall<T> start() {
        thread.start();
        return this;
    }

    public boolean ended() {
        return endedAt != 0;
    }

    /** When the call returned or threw, as {@link System#nanoTime()}; 0 while it runs. */
    public long endedAt() {
        return endedAt;
    }

    /** What the call returned; null if it threw (or has not ended). */
    public T result() {
        return result;
    }

    /** What the call threw; null if it returned (or has not ended). */
    public Throwable thrown() {
        return thrown;
    }

    public Thread thread() {
        return thread;
    }
}
