package workbook.pinnedvirtualthreads;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The service's health check, as services run one: a virtual thread that ticks every {@link #EVERY}. While every
 * carrier is held by a pinned virtual thread, it cannot tick: the longest gap between its ticks is how long the other
 * virtual threads of the JVM got no carrier.
 */
final class HealthCheck {

    static final Duration EVERY = Duration.ofMillis(10);

    private final Queue<Long> ticks = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean stopped;

    private HealthCheck() {
        thread = Thread.ofVirtual().name("health-check").unstarted(this::tick);
    }

    static HealthCheck start() {
        HealthCheck check = new HealthCheck();
        check.thread.start();
        return check;
    }

    private void tick() {
        while (!stopped) {
            ticks.add(System.nanoTime());
            try {
                Thread.sleep(EVERY);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops ticking; the longest time between two ticks from {@code from} to {@code to}, in milliseconds. */
    long stop(long from, long to) {
        stopped = true;
        List<Long> times = new ArrayList<>(List.of(from));
        ticks.stream().filter(t -> t > from && t < to).forEach(times::add);
        times.add(to);
        long longest = 0;
        for (int i = 1; i < times.size(); i++) {
            longest = Math.max(longest, times.get(i) - times.get(i - 1));
        }
        return Duration.ofNanos(longest).toMillis();
    }
}
