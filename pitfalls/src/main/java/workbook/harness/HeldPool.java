package workbook.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A pool given to the code under test that is busy with other work: it takes the tasks handed to it at once, but
 * starts them only when the scenario lets it (after the call that handed them over has returned, say), then runs
 * them on its named workers ({@code mail-1}, {@code mail-2}, ...). A task that reads shared state late reads it
 * after the call has moved on, every time; a caller that waits for its tasks waits until the scenario gives up on
 * it, which its timing shows.
 */
public final class HeldPool implements Executor {

    private final Set<Long> workerIds = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers;
    private final List<Runnable> held = new ArrayList<>();
    private final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    private boolean released;
    private int handed;

    /** A pool of {@code size} daemon workers named {@code role-1} to {@code role-<size>}. */
    public HeldPool(String role, int size) {
        ThreadFactory named = Thread.ofPlatform().name(role + "-", 1).daemon().factory();
        workers = Executors.newFixedThreadPool(size, task -> {
            Thread worker = named.newThread(task);
            workerIds.add(worker.threadId());
            return worker;
        });
    }

    @Override
    public synchronized void execute(Runnable task) {
        handed++;
        Runnable kept = () -> {
            try {
                task.run();
            } catch (Throwable failure) {
                failures.add(failure); // kept for the scenario, where a pool's own handler would only print it
            }
        };
        if (released) {
            workers.execute(kept);
        } else {
            held.add(kept);
        }
    }

    /** What the tasks threw, in the order they threw it. */
    public List<Throwable> failures() {
        return List.copyOf(failures);
    }

    /** From now on the pool runs what it was handed, and whatever comes after. */
    public synchronized void release() {
        released = true;
        held.forEach(workers::execute);
        held.clear();
    }

    /** How many tasks were handed to the pool so far. */
    public synchronized int handed() {
        return handed;
    }

    /** The workers started so far, for their stacks. */
    public Set<Long> workerIds() {
        return Set.copyOf(workerIds);
    }

    /** Lets what runs finish within {@code patience}, and ends the workers; whether they all ended in time. */
    public boolean shutdown(Duration patience) throws InterruptedException {
        release();
        workers.shutdown();
        if (workers.awaitTermination(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        workers.shutdownNow();
        return false;
    }
}
