package workbook.missingcountdown;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

/** Warms the caches in parallel at start-up, and waits until all of them are loaded. */
public class CacheWarmer implements Warmup {

    private final ExecutorService executor;

    public CacheWarmer(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void warmAll(List<Cache> caches) throws InterruptedException {
        CountDownLatch loaded = new CountDownLatch(caches.size());
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        for (Cache cache : caches) {
            executor.execute(() -> {
                try {
                    cache.load();
                } catch (RuntimeException | Error e) {
                    failures.add(e);
                } finally {
                    loaded.countDown();
                }
            });
        }
        loaded.await();
        Throwable failed = failures.poll();
        if (failed != null) {
            throw new IllegalStateException("cache warm-up failed", failed);
        }
    }
}
