package workbook.missingcountdown;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

// Wrong fix: the right idea (invokeAll, then get() rethrows the failure) on virtual threads of its own, "cheaper than
// a pool". Nothing hangs and nothing is lost, but the loads no longer run on the executor the service gave it, which
// is sized for what the backing stores can take.
// expect: DOES NOT WORK

/** Warms the caches in parallel at start-up, and waits until all of them are loaded. */
public class CacheWarmer implements Warmup {

    private final ExecutorService executor;

    public CacheWarmer(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void warmAll(List<Cache> caches) throws InterruptedException {
        List<Callable<Void>> loads = caches.stream().<Callable<Void>>map(cache -> () -> {
            cache.load();
            return null;
        }).toList();
        try (ExecutorService own = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Future<Void> load : own.invokeAll(loads)) {
                try {
                    load.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("cache warm-up failed", e.getCause());
                }
            }
        }
    }
}
