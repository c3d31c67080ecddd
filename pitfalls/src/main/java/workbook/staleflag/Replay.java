package workbook.staleflag;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

/**
 * The days of an estimate simulated again on the scenario's thread, from the same seed: the breaches they must have
 * had, and the CPU time the same work takes in a plain loop (full speed).
 */
record Replay(long breaches, long cpuNanos) {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The replay of {@code days} days; null if it could not be done within {@code within}. */
    static Replay of(Portfolio portfolio, long seed, long days, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        long cpuBefore = THREADS.getCurrentThreadCpuTime();
        Market market = new Market(seed);
        long breaches = 0;
        for (long day = 0; day < days; day++) {
            if (portfolio.loss(market) > portfolio.limit()) {
                breaches++;
            }
            if ((day & 0xF_FFFF) == 0 && System.nanoTime() > deadline) {
                return null;
            }
        }
        return new Replay(breaches, THREADS.getCurrentThreadCpuTime() - cpuBefore);
    }
}
