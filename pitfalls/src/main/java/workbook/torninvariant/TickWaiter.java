package workbook.torninvariant;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A reader that waits for the next tick the simplest way: it reads the band in a loop until it changes. Nothing else
 * happens in that loop, so nothing stops the JIT from reading a band kept in a plain field once and keeping it,
 * and then the reader never sees a move (the JMM allows it: the write and the reads have no happens-before edge).
 */
final class TickWaiter {

    /** Reads after which the waiter gives up, a few seconds' worth. */
    static final long READ_LIMIT = 1L << 32;

    /** What the waiter did: how many reads it made, and whether it saw the band change. */
    record Waited(boolean saw, long reads, long millisAfterMove) {
    }

    private final CompletableFuture<Long> reads = new CompletableFuture<>();
    private final Thread thread;

    TickWaiter(String name, PriceBand band, Band seen) {
        thread = new Thread(() -> {
            try {
                reads.complete(readUntilMoved(band, seen));
            } catch (Throwable failure) {
                reads.completeExceptionally(failure);
            }
        }, name);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean done() {
        return reads.isDone();
    }

    /** Waits for the waiter to see the move that has just returned. */
    Waited awaitMove(long movedAt, Duration limit) throws InterruptedException, ExecutionException {
        try {
            long count = reads.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Waited(count < READ_LIMIT, count, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - movedAt));
        } catch (TimeoutException stillReading) {
            return new Waited(false, -1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - movedAt));
        }
    }

    /**
     * Lets the waiter spin until its loop has surely been compiled: it has had {@code cpu} of processor time (wall
     * time says little on a busy machine) and then the JIT has compiled nothing for {@code quiet}, its queue drained.
     * Gives up after {@code limit}.
     */
    void warmUp(Duration cpu, Duration quiet, Duration limit) throws InterruptedException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        boolean jitTimed = jit != null && jit.isCompilationTimeMonitoringSupported();
        long end = System.nanoTime() + limit.toNanos();
        long compiled = -1;
        long quietSince = System.nanoTime();
        while (!done() && System.nanoTime() < end) {
            long spun = threads.getThreadCpuTime(thread.threadId());
            if (spun >= cpu.toNanos()) {
                long now = jitTimed ? jit.getTotalCompilationTime() : 0;
                if (now != compiled) {
                    compiled = now;
                    quietSince = System.nanoTime();
                } else if (System.nanoTime() - quietSince >= quiet.toNanos()) {
                    break;
                }
            }
            Thread.sleep(2);
        }
    }

    long threadId() {
        return thread.threadId();
    }

    /**
     * Compares the fields, not with {@code equals}: a record's {@code equals} is a method-handle call the JIT does not
     * always inline, and a call it cannot see through makes it read the field again each turn (a plain band field
     * then got FIXED about once in 10 trials).
     */
    private static long readUntilMoved(PriceBand band, Band seen) {
        long low = seen.low();
        long high = seen.high();
        long reads = 0;
        Band now = band.current();
        while (reads < READ_LIMIT && now.low() == low && now.high() == high) {
            reads++;
            now = band.current();
        }
        return reads;
    }
}
