package workbook.closedundertask;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The application's executor for background work: three threads, {@code upload-1} to {@code upload-3}, started. */
final class UploadPool extends ThreadPoolExecutor {

    static final int THREADS = 3;
    static final String PREFIX = "upload-";

    private final List<Throwable> escaped = new CopyOnWriteArrayList<>();

    UploadPool() {
        super(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> {
            Thread thread = new Thread(task, PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        prestartAllCoreThreads();
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        if (thrown != null) {
            escaped.add(thrown);
        }
    }

    /** Exceptions that escaped a task given to execute (a task given to submit keeps its own in its Future). */
    List<Throwable> escaped() {
        return List.copyOf(escaped);
    }

    boolean idle() {
        return getActiveCount() == 0 && getQueue().isEmpty();
    }
}
