package workbook.missingcountdown;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

// Right fix, another way: a CompletableFuture per load on the pool, and allOf to wait for all of them. allOf
// completes when every load has ended, exceptionally if one failed, and join() throws that failure.
// expect: FIXED

/** Warms the caches in parallel at start-up, and waits until all of them are loaded. */
public class CacheWarmer implements Warmup {

    private final ExecutorService executor;

    public CacheWarmer(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void warmAll(List<Cache> caches) throws InterruptedException {
        CompletableFuture<?>[] loads = caches.stream()
                .map(cache -> CompletableFuture.runAsync(cache::load, executor))
                .toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(loads).join();
        } catch (CompletionException e) {
            throw new IllegalStateException("cache warm-up failed", e.getCause());
        }
    }
}
