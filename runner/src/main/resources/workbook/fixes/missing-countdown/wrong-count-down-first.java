package workbook.missingcountdown;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

// Wrong fix: count down first, so that nothing a load throws can skip it. The latch now counts tasks started, not
// caches loaded: warmAll returns while caches are still loading, and a failure is lost all the same.
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
                loaded.countDown();
                cache.load();
            });
        }
        loaded.await();
    }
}
