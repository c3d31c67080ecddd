package workbook.missingcountdown;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One start-up: 6 to 12 caches, each taking 1 to 12 ms to load, and in a failing round one of them, at a place drawn
 * for the round, whose load throws. Counts how many loads run at once.
 */
final class Round {

    /** How a round's one failing load ends: it does not fail, throws an exception, or throws an error. */
    enum Failure {
        NONE, EXCEPTION, ERROR
    }

    static final List<String> NAMES = List.of("prices", "catalog", "sessions", "tax-rates", "stock", "promotions",
            "customers", "shipping", "currencies", "reviews", "search", "recommendations");

    private final List<ScriptedCache> caches = new ArrayList<>();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();

    Round(Failure failure, SplittableRandom random) {
        int count = random.nextInt(6, NAMES.size() + 1);
        int failingIndex = failure != Failure.NONE ? random.nextInt(count) : -1;
        List<String> names = new ArrayList<>(NAMES);
        for (int i = 0; i < count; i++) {
            String name = names.remove(random.nextInt(names.size()));
            caches.add(new ScriptedCache(name, random.nextLong(1, 13), i == failingIndex ? failure : Failure.NONE,
                    this));
        }
    }

    List<Cache> caches() {
        return List.copyOf(caches);
    }

    List<ScriptedCache> scripted() {
        return caches;
    }

    /** The cache whose load fails, or null in a round where all load. */
    ScriptedCache failing() {
        return caches.stream().filter(ScriptedCache::fails).findFirst().orElse(null);
    }

    void loadStarted() {
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
    }

    void loadEnded() {
        running.decrementAndGet();
    }

    int mostAtOnce() {
        return mostAtOnce.get();
    }

    boolean allEnded() {
        return caches.stream().allMatch(ScriptedCache::ended);
    }

    /** When the last load ended; 0 while one has not. */
    long lastEndedAt() {
        return allEnded() ? caches.stream().mapToLong(ScriptedCache::endedAt).max().orElse(0) : 0;
    }
}
