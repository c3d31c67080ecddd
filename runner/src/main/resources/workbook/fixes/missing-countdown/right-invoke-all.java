package workbook.missingcountdown;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Right fix, another way: no latch at all. invokeAll runs the loads on the pool and returns when every one has
// ended, however it ended; each Future's get() then rethrows what its load threw, wrapped in ExecutionException.
// expect: FIXED

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
        for (Future<Void> load : executor.invokeAll(loads)) {
            try {
                load.get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cache warm-up failed", e.getCause());
            }
        }
    }
}
