package workbook.nevercompletedfuture;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The I/O executor handed to the lookup: one named thread at a time, and a count of the tasks begun and ended. */
final class IoPool extends ThreadPoolExecutor {

    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger finished = new AtomicInteger();
    private final CopyOnWriteArrayList<Thread> threads = new CopyOnWriteArrayList<>();

    IoPool(Thread.UncaughtExceptionHandler handler) {
        super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> {
            Thread thread = new Thread(task, "rates-io-" + count.incrementAndGet());
            thread.setDaemon(true);
            thread.setUncaughtExceptionHandler(handler);
            threads.add(thread);
            return thread;
        });
    }

    @Override
    public void execute(Runnable command) {
        submitted.incrementAndGet();
        super.execute(command);
    }

    @Override
    protected void afterExecute(Runnable task, Throwable error) {
        finished.incrementAndGet();
    }

    int finished() {
        return finished.get();
    }

    boolean idle() {
        return finished.get() == submitted.get();
    }

    Set<String> threadNames() {
        Set<String> names = new TreeSet<>();
        threads.forEach(t -> names.add(t.getName()));
        return names;
    }
}
