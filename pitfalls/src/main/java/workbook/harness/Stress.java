package workbook.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Runs one step many times on several threads released together, bounded by iterations and by time. Every
 * step publishes its progress with a release store, which also stops the JIT from folding a loop of plain writes
 * into one (the reason naive counter races often lose nothing). Workers also count the moments they saw each other
 * run truly in parallel, so that a scenario can tell "no race happened" from "the machine never let it happen".
 */
public final class Stress {

    /** A worker samples the others' progress every 64 steps (a mask). */
    static final int SAMPLE_EVERY = 63;
    /** A gap longer than this between two samples means the worker was paused (descheduled) in between. */
    static final long PAUSE_NANOS = 100_000;

    /** One unit of work on one worker. */
    @FunctionalInterface
    public interface Step {
        void run(int worker, long iteration) throws Exception;
    }

    /**
     * @param completed steps completed per worker
     * @param overlapped whether all workers were running at the same moment
     * @param failures what the steps threw (each worker stops at its first)
     * @param stuck names of workers still inside a step when the time was up
     * @param stuckThreads those workers as {@code jstack} shows them, where they were stuck
     * @param parallel how many times a worker saw another make progress while it ran without a pause: evidence that
     *        the threads truly ran at the same time, not one after another on a busy machine
     */
    public record Result(long[] completed, boolean overlapped, List<Throwable> failures, List<String> stuck,
            long elapsedMillis, long parallel, List<Evidence.ThreadView> stuckThreads) {
        public long total() {
            return Arrays.stream(completed).sum();
        }

        /** The same result, with another thread of the scenario's that was stuck in the code under test too. */
        public Result withStuck(String name, long threadId) {
            List<String> names = new ArrayList<>(stuck);
            names.add(name);
            List<Evidence.ThreadView> views = new ArrayList<>(stuckThreads);
            views.addAll(ThreadViews.of(List.of(threadId), new LockNames()));
            return new Result(completed, overlapped, failures, names, elapsedMillis, parallel, views);
        }
    }

    private final Thread[] workers;
    private final AtomicLongArray progress;
    private final AtomicLongArray parallel;
    private final long[] startNanos;
    private final long[] endNanos;
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private final long limitNanos;
    /** A worker samples the others' progress when its step count has none of these bits. */
    private final long sampleMask;
    private long startedAt;
    private volatile boolean stopped;

    private Stress(String role, int workerCount, long iterations, Duration limit, long sampleMask, Step step) {
        workers = new Thread[workerCount];
        progress = new AtomicLongArray(workerCount);
        parallel = new AtomicLongArray(workerCount);
        startNanos = new long[workerCount];
        endNanos = new long[workerCount];
        ready = new CountDownLatch(workerCount);
        limitNanos = limit.toNanos();
        this.sampleMask = sampleMask;
        for (int i = 0; i < workerCount; i++) {
            int worker = i;
            workers[i] = new Thread(() -> work(worker, iterations, step), role + "-" + (i + 1));
            workers[i].setDaemon(true);
        }
    }

    /**
     * Starts {@code workerCount} threads named {@code role-1 ... role-n}, releases them together, and lets each run
     * {@code step} up to {@code iterations} times or until {@code limit} has passed.
     */
    public static Stress start(String role, int workerCount, long iterations, Duration limit, Step step)
            throws InterruptedException {
        return start(role, workerCount, iterations, limit, SAMPLE_EVERY + 1, step);
    }

    /**
     * As {@link #start(String, int, long, Duration, Step)}, with the workers sampling each other's progress every
     * {@code sampleEvery} steps (a power of two): fewer than 64 for steps of microseconds, so that 64 of them do not
     * take longer than a pause and hide every parallel moment.
     */
    public static Stress start(String role, int workerCount, long iterations, Duration limit, int sampleEvery,
            Step step) throws InterruptedException {
        if (Integer.bitCount(sampleEvery) != 1) {
            throw new IllegalArgumentException("sampleEvery must be a power of two: " + sampleEvery);
        }
        Stress stress = new Stress(role, workerCount, iterations, limit, sampleEvery - 1, step);
        for (Thread worker : stress.workers) {
            worker.start();
        }
        stress.ready.await();
        stress.startedAt = System.nanoTime();
        stress.go.countDown();
        return stress;
    }

    /** Starts, waits for the end, and returns the result. */
    public static Result run(String role, int workerCount, long iterations, Duration limit, Step step)
            throws InterruptedException {
        return start(role, workerCount, iterations, limit, step).await(Duration.ofSeconds(1));
    }

    /**
     * How often {@code workerCount} threads, doing nothing but count, see each other run truly in parallel within
     * {@code duration}: what this machine allows right now, measured without the code under test. A scenario
     * compares it with the parallelism its workers showed, to tell a busy machine (both low) from code that makes
     * its callers take turns (only the workers' low).
     */
    public static long machineParallelism(int workerCount, Duration duration) throws InterruptedException {
        AtomicLongArray counts = new AtomicLongArray(workerCount * PADDING);
        Result probe = run("workbook-probe", workerCount, Long.MAX_VALUE, duration,
                (worker, i) -> counts.lazySet(worker * PADDING, i));
        return probe.parallel();
    }

    /** Slots between the probe's counters, so that they share no cache line. */
    private static final int PADDING = 16;

    private void work(int worker, long iterations, Step step) {
        ready.countDown();
        try {
            go.await();
            long deadline = System.nanoTime() + limitNanos;
            startNanos[worker] = System.nanoTime();
            long lastSample = startNanos[worker];
            long othersAtLastSample = othersProgress(worker);
            for (long n = 0; n < iterations; n++) {
                if ((n & sampleMask) == 0) {
                    long now = System.nanoTime();
                    if (now > deadline || stopped) {
                        break;
                    }
                    // Others moved while this worker ran without a pause: the two really ran at the same time.
                    long others = othersProgress(worker);
                    if (others != othersAtLastSample && now - lastSample < PAUSE_NANOS) {
                        parallel.lazySet(worker, parallel.get(worker) + 1);
                    }
                    lastSample = now;
                    othersAtLastSample = others;
                }
                step.run(worker, n);
                progress.lazySet(worker, n + 1);
            }
        } catch (Throwable failure) {
            failures.add(failure);
        } finally {
            endNanos[worker] = System.nanoTime();
        }
    }

    /** Steps completed so far, by all workers. */
    private long othersProgress(int worker) {
        long sum = 0;
        for (int i = 0; i < progress.length(); i++) {
            sum += i == worker ? 0 : progress.get(i);
        }
        return sum;
    }

    /** Asks the workers to stop at their next sample, for a scenario that has seen what it needed. */
    public void stop() {
        stopped = true;
    }

    public long progress() {
        long sum = 0;
        for (int i = 0; i < progress.length(); i++) {
            sum += progress.get(i);
        }
        return sum;
    }

    public boolean done() {
        return Arrays.stream(workers).noneMatch(Thread::isAlive);
    }

    public List<Long> threadIds() {
        return Arrays.stream(workers).map(Thread::threadId).toList();
    }

    /** Waits for the workers up to the time limit plus {@code grace}; workers still busy then are reported stuck. */
    public Result await(Duration grace) throws InterruptedException {
        long deadline = startedAt + limitNanos + grace.toNanos();
        for (Thread worker : workers) {
            worker.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        List<String> stuck = new ArrayList<>();
        List<Long> stuckIds = new ArrayList<>();
        long[] completed = new long[workers.length];
        long lastStart = Long.MIN_VALUE;
        long firstEnd = Long.MAX_VALUE;
        for (int i = 0; i < workers.length; i++) {
            completed[i] = progress.get(i);
            if (workers[i].isAlive()) {
                stuck.add(workers[i].getName());
                stuckIds.add(workers[i].threadId());
            } else {
                lastStart = Math.max(lastStart, startNanos[i]);
                firstEnd = Math.min(firstEnd, endNanos[i]);
            }
        }
        boolean overlapped = stuck.isEmpty() ? lastStart < firstEnd : true;
        long inParallel = 0;
        for (int i = 0; i < workers.length; i++) {
            inParallel += parallel.get(i);
        }
        return new Result(completed, overlapped, List.copyOf(failures), stuck,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt), inParallel,
                stuckIds.isEmpty() ? List.of() : ThreadViews.of(stuckIds, new LockNames()));
    }
}
