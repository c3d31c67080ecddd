package workbook.lockupgrade;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The configuration service as the scenario plays it: each setting takes 1 to 5 ms to load (drawn per trial), has a
 * value of its own, and every load is counted.
 */
final class ScriptedSource implements ConfigSource {

    static final List<String> KEYS = List.of("payment.timeout", "checkout.new-flow", "search.page-size",
            "tax.region", "cache.ttl", "mail.sender", "fraud.threshold", "currency.default", "stock.reserve",
            "promo.banner", "login.attempts", "cart.expiry", "shipping.free-above", "reviews.enabled",
            "export.batch", "audit.level", "invoice.prefix", "refund.window", "gift.max-amount", "queue.workers",
            "retry.backoff", "locale.default", "session.timeout", "upload.max-size", "rate.limit", "report.timezone",
            "loyalty.points", "coupon.stacking", "address.validation", "sms.provider", "vat.rounding",
            "warehouse.primary");

    static final Duration HOLD_LIMIT = Duration.ofMillis(200);

    private final Map<String, AtomicInteger> loads = new ConcurrentHashMap<>();
    private final Map<String, Long> loadNanos = new ConcurrentHashMap<>();
    private final String salt;
    private volatile String held;
    private volatile BooleanSupplier release;

    ScriptedSource(SplittableRandom random) {
        for (String key : KEYS) {
            loads.put(key, new AtomicInteger());
            loadNanos.put(key, TimeUnit.MICROSECONDS.toNanos(random.nextLong(1_000, 5_001)));
        }
        salt = Integer.toString(random.nextInt(1_000, 10_000));
    }

    @Override
    public String load(String key) {
        AtomicInteger count = loads.get(key);
        if (count == null) {
            throw new IllegalArgumentException("no such setting: " + key);
        }
        if (count.incrementAndGet() == 1 && key.equals(held)) {
            holdUntilReleased();
        }
        long end = System.nanoTime() + loadNanos.get(key);
        for (long left = loadNanos.get(key); left > 0; left = end - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return valueOf(key);
    }

    /** Holds the first load of {@code key} until {@code release} is true, or {@link #HOLD_LIMIT} has passed. */
    void holdFirstLoad(String key, BooleanSupplier release) {
        this.release = release;
        held = key;
    }

    private void holdUntilReleased() {
        long end = System.nanoTime() + HOLD_LIMIT.toNanos();
        while (!release.getAsBoolean() && System.nanoTime() < end) {
            LockSupport.parkNanos(200_000);
        }
    }

    /** The value the service has for the setting in this trial. */
    String valueOf(String key) {
        return key + "#" + salt;
    }

    int loads(String key) {
        return loads.get(key).get();
    }

    /** The first setting loaded more than once, or null. */
    String loadedTwice() {
        return KEYS.stream().filter(key -> loads(key) > 1).findFirst().orElse(null);
    }

    int totalLoads() {
        return loads.values().stream().mapToInt(AtomicInteger::get).sum();
    }
}
