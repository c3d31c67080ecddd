package workbook.missingcountdown;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;

// Wrong fix: the reference fix's first version. The count goes down in a finally, and a failure is kept and thrown
// after await(), but only a RuntimeException: a load that throws an Error (a client class that cannot be
// initialised) counts down, is lost, and warmAll returns as if every cache were loaded.
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
        Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
        for (Cache cache : caches) {
            executor.execute(() -> {
                try {
                    cache.load();
                } catch (RuntimeException e) {
                    failures.add(e);
                } finally {
                    loaded.countDown();
                }
            });
        }
        loaded.await();
        RuntimeException failed = failures.poll();
        if (failed != null) {
            throw new IllegalStateException("cache warm-up failed", failed);
        }
    }
}
