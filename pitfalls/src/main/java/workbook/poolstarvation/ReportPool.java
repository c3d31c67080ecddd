package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's shared worker pool, as operations sized it for the round: {@code reports-1} to
 * {@code reports-n}. It remembers who queued each task, and what that worker was rendering then, so that a starved
 * queue can be shown as it is: tasks that only a worker can run, queued by the workers that wait for them.
 */
final class ReportPool extends ThreadPoolExecutor {

    static final String PREFIX = "reports-";

    /** A task as it waits in the queue: who queued it, and for which report. */
    record Queued(Runnable task, String by, String forReport) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final Map<Thread, String> rendering = new ConcurrentHashMap<>();
    private final AtomicLong lastStart = new AtomicLong(System.nanoTime());

    ReportPool(int size) {
        super(size, size, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> {
            Thread thread = new Thread(task, PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
    }

    @Override
    public void execute(Runnable task) {
        super.execute(new Queued(task, Thread.currentThread().getName(), rendering.get(Thread.currentThread())));
    }

    @Override
    protected void beforeExecute(Thread worker, Runnable task) {
        rendering.remove(worker);
        lastStart.set(System.nanoTime());
    }

    /** The calling worker fetches this report: what it queues until its task ends is for it. */
    void rendering(String title) {
        if (threads.contains(Thread.currentThread())) {
            rendering.put(Thread.currentThread(), title);
        }
    }

    static boolean isWorker(Thread thread) {
        return thread != null && isWorker(thread.getName());
    }

    static boolean isWorker(String threadName) {
        return threadName.startsWith(PREFIX);
    }

    List<Thread> workers() {
        return List.copyOf(threads);
    }

    /** No task has started for this long, while tasks wait in the queue and every worker is busy. */
    boolean starvedFor(long nanos) {
        return !getQueue().isEmpty() && getActiveCount() >= getMaximumPoolSize()
                && System.nanoTime() - lastStart.get() > nanos;
    }

    long nanosSinceLastStart() {
        return System.nanoTime() - lastStart.get();
    }

    /** The queued tasks, oldest first, grouped by who queued them and for which report. */
    List<String> queueByWhoQueued() {
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (Runnable task : new ArrayList<>(getQueue())) {
            String group = task instanceof Queued queued
                    ? queued.forReport() == null
                            ? "from " + queued.by() + (isWorker(queued.by()) ? "" : " (reports not started yet)")
                            : "for \"" + queued.forReport() + "\", from " + queued.by()
                    : "from an unknown thread";
            groups.merge(group, 1, Integer::sum);
        }
        List<String> lines = new ArrayList<>();
        groups.forEach((group, count) -> lines.add(count + (count == 1 ? " task " : " tasks ") + group));
        return lines;
    }

    /** How many queued tasks this worker queued while rendering the report it still renders. */
    long queuedBy(Thread worker) {
        String title = rendering.get(worker);
        return new ArrayList<>(getQueue()).stream().filter(task -> task instanceof Queued queued
                && queued.by().equals(worker.getName()) && title != null && title.equals(queued.forReport()))
                .count();
    }

    String renderingOn(Thread worker) {
        return rendering.get(worker);
    }
}
