package workbook.runner.suite;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import workbook.harness.Pitfall;

/**
 * Runs trials (the test suites', {@code verify}'s) a few at a time, each in its trial JVM as ever: most scenarios
 * spend their time waiting on the code under test, not computing, so three share a 2-core machine well. A pitfall
 * that needs the machine's cores to itself ({@link Pitfall#needsIdleCores()}) runs alone. Close it to stop what has
 * not run.
 */
public final class SideBySide implements AutoCloseable {

    /** How many at once by default. */
    public static final int AT_ONCE = 3;
    /** Far more than any one trial may take (its trial JVM is killed well before), so a wait never hangs. */
    static final long LIMIT_SECONDS = 120;

    private final ExecutorService runners;
    // Fair: a trial that needs the machine alone gets it in its turn, once those already running are done.
    private final ReadWriteLock machine = new ReentrantReadWriteLock(true);

    public SideBySide() {
        this(AT_ONCE);
    }

    public SideBySide(int atOnce) {
        runners = Executors.newFixedThreadPool(atOnce);
    }

    /**
     * The pitfalls in the order to submit their trials: those that need the machine alone first, so that the others
     * then run side by side without a pause (each pitfall run alone makes the others' slots wait until the trials
     * running then are done).
     */
    public static List<Pitfall<?>> inTurnOrder(List<Pitfall<?>> pitfalls) {
        return pitfalls.stream().sorted(Comparator.comparing((Pitfall<?> p) -> !p.needsIdleCores())).toList();
    }

    /** Starts a trial of {@code pitfall} in its turn. */
    public <T> Future<T> submit(Pitfall<?> pitfall, Callable<T> trial) {
        Lock turn = pitfall.needsIdleCores() ? machine.writeLock() : machine.readLock();
        return runners.submit(() -> {
            turn.lock();
            try {
                return trial.call();
            } finally {
                turn.unlock();
            }
        });
    }

    /** The trial's result, waited for within {@link #LIMIT_SECONDS}. */
    public static <T> T result(Future<T> trial) throws Exception {
        return trial.get(LIMIT_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        runners.shutdownNow();
    }
}
