package workbook.uncancelledheartbeat;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: a one-shot task that schedules the next one, and a flag so it stops sending once closed. It stops
// sending, but it goes on scheduling itself: a task on the shared scheduler every interval, for nothing, forever.
// expect: STILL BROKEN

/** Lists an instance in the registry and keeps it listed with heartbeats, on the application's shared scheduler. */
public class ServiceRegistration implements Registration {

    private final String instance;
    private final Registry registry;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private volatile boolean closed;

    public ServiceRegistration(String instance, Registry registry, ScheduledExecutorService scheduler,
            Duration interval) {
        this.instance = instance;
        this.registry = registry;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @Override
    public void open() {
        registry.register(instance);
        scheduleNext();
    }

    private void scheduleNext() {
        scheduler.schedule(() -> {
            if (!closed) {
                registry.heartbeat(instance);
            }
            scheduleNext();
        }, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        registry.deregister(instance);
    }
}
