package workbook.harness;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The thread a scenario calls the code under test on, so that a call that throws or never returns becomes a message
 * for the verdict instead of a hung trial, and so that the time the call kept its caller is measured (a contract's
 * "returns at once"). Closing it interrupts whatever call is still running.
 */
public final class CallerThread implements AutoCloseable {

    /** A call of the code under test that returns nothing. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }

    /**
     * How a call went.
     *
     * @param millis how long it kept the caller (the patience, if it never returned)
     * @param problem what went wrong ("close() did not return within 2000 ms"), or {@code null} if it returned
     * @param evidence where the caller was stuck, with its stack, when it did not return
     */
    public record Returned(String what, long millis, String problem, List<Evidence> evidence) {
        public Returned {
            evidence = List.copyOf(evidence);
        }

        public boolean ok() {
            return problem == null;
        }

        /** The verdict for a call that threw or never returned. */
        public Finding notWorking(Trial trial) {
            return trial.notWorking(problem, evidence.toArray(Evidence[]::new));
        }
    }

    private final ExecutorService thread;
    private final AtomicReference<Thread> current = new AtomicReference<>();

    public CallerThread() {
        this("caller");
    }

    /** A caller thread named for its role ({@code workbook-<role>-1}), where a scenario has more than one. */
    public CallerThread(String role) {
        thread = Executors.newSingleThreadExecutor(Harness.threads(role));
    }

    /**
     * Runs {@code call} on the caller thread and waits at most {@code patience}: empty if it returned, otherwise what
     * went wrong ("close() did not return within 2000 ms", "open() threw ...").
     */
    public Optional<String> call(String what, Duration patience, Call call) throws InterruptedException {
        return Optional.ofNullable(timed(what, patience, call, new LockNames()).problem());
    }

    /**
     * Runs {@code call} on the caller thread, waits at most {@code patience}, and says how long it took; a call that
     * did not return comes with the caller thread's stack as {@code jstack} would show it.
     */
    public Returned timed(String what, Duration patience, Call call, LockNames names) throws InterruptedException {
        long start = System.nanoTime();
        Future<?> result = thread.submit(() -> {
            current.set(Thread.currentThread());
            call.run();
            return null;
        });
        try {
            result.get(patience.toMillis(), TimeUnit.MILLISECONDS);
            return new Returned(what, millisSince(start), null, List.of());
        } catch (TimeoutException e) {
            Thread caller = current.get();
            List<Evidence> stuck = new java.util.ArrayList<>();
            if (caller != null) {
                stuck.add(new Evidence.Threads("Where " + what + " was stuck",
                        ThreadViews.of(List.of(caller.threadId()), names)));
            }
            // A call stuck in a deadlock of the code under test's own: show the cycle, as jstack would.
            DeadlockDetector.findCycle(names).ifPresent(stuck::add);
            return new Returned(what, patience.toMillis(),
                    what + " did not return within " + patience.toMillis() + " ms", stuck);
        } catch (ExecutionException e) {
            return new Returned(what, millisSince(start), what + " threw " + e.getCause(), List.of());
        }
    }

    /** Starts {@code call} on the caller thread, for a scenario that does something else while it runs. */
    public <T> Future<T> submit(Callable<T> call) {
        return thread.submit(call);
    }

    private static long millisSince(long start) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
