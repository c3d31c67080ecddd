package workbook.missingcountdown;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

// Wrong fix: count down in a finally block, the usual advice, and nothing more. warmAll no longer hangs, but it
// returns as if every cache were loaded: the failure stays on the pool thread, and the service starts half-warm.
// expect: DOES NOT WORK

/** Warms the caches in parallel at start-up, and waits until all of them are loaded. */
public class CacheWarmer implements Warmup {

    private final ExecutorService executor;

    public CacheWarmer(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void warmAll(List<Cache> caches) throws InterruptedException {
        CountDownLatch loaded = new CountDownLatch(caches.size());
        for (Cache cache : caches) {
            executor.execute(() -> {
                try {
                    cache.load();
                } finally {
                    loaded.countDown();
                }
            });
        }
        loaded.await();
    }
}
