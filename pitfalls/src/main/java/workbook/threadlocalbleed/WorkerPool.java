package workbook.threadlocalbleed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The scenario's worker pool: a few named workers, each with a queue of its own, so that the scenario can ask one
 * idle worker what it still holds. A task goes to the worker that last finished one, if it is idle (a warm pool hands
 * work to a recently used thread), otherwise to an idle one, otherwise to the shortest queue. So a request follows
 * the one before it onto the same thread, and work handed to the pool while that thread is busy lands elsewhere.
 */
final class WorkerPool extends AbstractExecutorService {

    private final List<Worker> workers = new ArrayList<>();
    private volatile Worker lastFinished;
    private volatile boolean shutdown;

    WorkerPool(int size) {
        for (int i = 1; i <= size; i++) {
            workers.add(new Worker("worker-" + i));
        }
    }

    int size() {
        return workers.size();
    }

    String name(int worker) {
        return workers.get(worker).thread.getName();
    }

    Set<Long> threadIds() {
        return workers.stream().map(w -> w.thread.threadId()).collect(Collectors.toSet());
    }

    @Override
    public synchronized void execute(Runnable task) {
        if (shutdown) {
            throw new RejectedExecutionException("the worker pool is shut down");
        }
        choose().enqueue(task, true);
    }

    /** Runs {@code probe} on one worker, behind whatever it has queued, and does not count it as the pool's work. */
    <T> T onWorker(int worker, Callable<T> probe, Duration limit)
            throws InterruptedException, ExecutionException, TimeoutException {
        FutureTask<T> task = new FutureTask<>(probe);
        workers.get(worker).enqueue(task, false);
        return task.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits until no worker has anything queued or running; false if that did not happen within the limit. */
    boolean awaitQuiet(Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!workers.stream().allMatch(Worker::idle)) {
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private Worker choose() {
        Worker warm = lastFinished;
        if (warm != null && warm.idle()) {
            return warm;
        }
        Worker chosen = workers.get(0);
        for (Worker worker : workers) {
            if (worker.idle()) {
                return worker;
            }
            chosen = worker.pending.get() < chosen.pending.get() ? worker : chosen;
        }
        return chosen;
    }

    @Override
    public void shutdown() {
        shutdownNow();
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> dropped = new ArrayList<>();
        for (Worker worker : workers) {
            worker.queue.drainTo(dropped);
            worker.thread.interrupt();
        }
        return dropped;
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown && workers.stream().noneMatch(w -> w.thread.isAlive());
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        long end = System.nanoTime() + unit.toNanos(timeout);
        for (Worker worker : workers) {
            worker.thread.join(Duration.ofNanos(Math.max(1, end - System.nanoTime())));
        }
        return isTerminated();
    }

    private final class Worker {

        final LinkedBlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
        /** Tasks queued or running: 0 is idle. */
        final AtomicInteger pending = new AtomicInteger();
        final Thread thread;

        Worker(String name) {
            thread = Thread.ofPlatform().name(name).daemon().start(this::work);
        }

        boolean idle() {
            return pending.get() == 0;
        }

        void enqueue(Runnable task, boolean counted) {
            pending.incrementAndGet();
            queue.add(counted ? () -> {
                task.run();
                lastFinished = this;
            } : task);
        }

        private void work() {
            try {
                while (!shutdown) {
                    Runnable task = queue.take();
                    try {
                        task.run();
                    } catch (RuntimeException | Error e) {
                        // As a pool's worker would: report it, and go on with the next task.
                        Thread.currentThread().getUncaughtExceptionHandler().uncaughtException(thread, e);
                    } finally {
                        pending.decrementAndGet();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
