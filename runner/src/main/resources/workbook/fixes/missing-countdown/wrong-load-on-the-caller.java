package workbook.missingcountdown;

import java.util.List;
import java.util.concurrent.ExecutorService;

// Wrong fix: no latch, no pool: load the caches one after another on the start-up thread, where a failure is simply
// thrown. Nothing hangs and nothing is lost, but twelve loads now take as long as all of them together.
// expect: DOES NOT WORK

/** Warms the caches in parallel at start-up, and waits until all of them are loaded. */
public class CacheWarmer implements Warmup {

    private final ExecutorService executor;

    public CacheWarmer(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public void warmAll(List<Cache> caches) throws InterruptedException {
        for (Cache cache : caches) {
            cache.load();
        }
    }
}
