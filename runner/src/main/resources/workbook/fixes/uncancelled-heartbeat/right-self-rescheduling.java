package workbook.uncancelledheartbeat;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

// Right fix, another way than the reference: no periodic task at all. Each heartbeat is a one-shot task that
// schedules the next one while the registration is open; close() stops the chain and cancels the pending link.
// expect: FIXED

/** Lists an instance in the registry and keeps it listed with heartbeats, on the application's shared scheduler. */
public class ServiceRegistration implements Registration {

    private final String instance;
    private final Registry registry;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private boolean open;
    private ScheduledFuture<?> next;

    public ServiceRegistration(String instance, Registry registry, ScheduledExecutorService scheduler,
            Duration interval) {
        this.instance = instance;
        this.registry = registry;
        this.scheduler = scheduler;
        this.interval = interval;
    }

    @Override
    public synchronized void open() {
        registry.register(instance);
        open = true;
        scheduleNext();
    }

    private synchronized void scheduleNext() {
        if (open) {
            next = scheduler.schedule(this::beat, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void beat() {
        registry.heartbeat(instance);
        scheduleNext();
    }

    @Override
    public void close() {
        synchronized (this) {
            open = false;
            next.cancel(false);
        }
        registry.deregister(instance);
    }
}
