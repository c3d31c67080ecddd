package workbook.missingcountdown;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

// Wrong fix: submit instead of execute, "so the pool thread does not die of the exception". It does not: the
// exception is kept in a Future that nobody reads, the task still never counts down, and warmAll still waits.
// expect: STILL BROKEN

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
            executor.submit(() -> {
                cache.load();
                loaded.countDown();
            });
        }
        loaded.await();
    }
}
