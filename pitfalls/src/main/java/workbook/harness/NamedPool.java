package workbook.harness;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of named daemon workers ({@code role-1}, {@code role-2}, ...) for the scenario to give to the code
 * under test, which knows its own workers: work seen on another thread did not run on the executor it was given.
 */
public final class NamedPool {

    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor;

    public NamedPool(String role, int size) {
        ThreadFactory named = Thread.ofPlatform().name(role + "-", 1).daemon().factory();
        executor = Executors.newFixedThreadPool(size, task -> {
            Thread worker = named.newThread(task);
            workers.add(worker);
            return worker;
        });
    }

    public ExecutorService executor() {
        return executor;
    }

    /** Whether {@code thread} is one of this pool's workers. */
    public boolean owns(Thread thread) {
        return workers.contains(thread);
    }

    /** Interrupts the workers and waits for them to end, up to {@code within}. */
    public void shutdownNow(Duration within) throws InterruptedException {
        executor.shutdownNow();
        executor.awaitTermination(within.toMillis(), TimeUnit.MILLISECONDS);
    }
}
