package workbook.uninterruptibleio;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dashboard's executor for feed subscriptions: three platform threads, {@code quote-feed-1} to {@code quote-feed-3},
 * started, as {@code Executors.newFixedThreadPool} makes them. It remembers when each task ended, and on which thread.
 */
final class FeedPool extends ThreadPoolExecutor {

    static final int THREADS = 3;
    static final String PREFIX = "quote-feed-";

    /** A task that ended: on which thread, and when ({@link System#nanoTime()}). */
    record Ended(Thread thread, long atNanos) {
    }

    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final Set<Thread> busy = ConcurrentHashMap.newKeySet();
    private final List<Ended> ended = new CopyOnWriteArrayList<>();

    FeedPool() {
        super(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> {
            Thread thread = new Thread(task, PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
        prestartAllCoreThreads();
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable task) {
        busy.add(thread);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        busy.remove(Thread.currentThread());
        ended.add(new Ended(Thread.currentThread(), System.nanoTime()));
    }

    /** Whether {@code thread} is one of this pool's. */
    boolean owns(Thread thread) {
        return threads.contains(thread);
    }

    /** When a task on {@code thread} ended after {@code sinceNanos} with none running there since; 0 if none did. */
    long freedAfter(Thread thread, long sinceNanos) {
        if (busy.contains(thread)) {
            return 0;
        }
        return ended.stream().filter(e -> e.thread() == thread && e.atNanos() > sinceNanos).mapToLong(Ended::atNanos)
                .min().orElse(0);
    }

    /** When the tasks that ran on {@code thread} ended, in order. */
    List<Long> endedOn(Thread thread) {
        return ended.stream().filter(e -> e.thread() == thread).map(Ended::atNanos).toList();
    }

    boolean idle() {
        return busy.isEmpty() && getQueue().isEmpty();
    }
}
