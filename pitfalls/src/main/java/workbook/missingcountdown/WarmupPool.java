package workbook.missingcountdown;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The application's executor for start-up work: four threads, {@code warmup-1} to {@code warmup-4}. What escapes a
 * task run with {@code execute} ends up where it would in production: with the thread's uncaught-exception handler
 * (by default, a stack trace on standard error), which the pool records here.
 */
final class WarmupPool extends ThreadPoolExecutor {

    static final int THREADS = 4;

    /** An exception that escaped a task, and the thread it killed. */
    record Uncaught(String thread, Throwable failure) {
    }

    private final Queue<Uncaught> uncaught = new ConcurrentLinkedQueue<>();

    WarmupPool() {
        super(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> {
            Thread thread = new Thread(task, "warmup-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler((dead, failure) -> uncaught.add(new Uncaught(dead.getName(), failure)));
            return thread;
        });
    }

    /** The exceptions that escaped a task, in the order they did. */
    Queue<Uncaught> uncaught() {
        return uncaught;
    }
}
