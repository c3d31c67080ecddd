package workbook.missingcountdown;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: never wait for good, wait two seconds at most. The start-up no longer hangs; it waits two seconds after
// a failure, and then goes on as if every cache were loaded, because nobody looks at what await returned.
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
                cache.load();
                loaded.countDown();
            });
        }
        loaded.await(2, TimeUnit.SECONDS);
    }
}
