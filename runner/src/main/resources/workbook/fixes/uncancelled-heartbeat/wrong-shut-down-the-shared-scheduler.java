package workbook.uncancelledheartbeat;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: shutting the scheduler down stops the heartbeat, and every other task of the application that runs
// on the same shared scheduler with it.
// expect: DOES NOT WORK

/** Lists an instance in the registry and keeps it listed with heartbeats, on the application's shared scheduler. */
public class ServiceRegistration implements Registration {

    private final String instance;
    private final Registry registry;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;

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
        long every = interval.toMillis();
        scheduler.scheduleAtFixedRate(() -> registry.heartbeat(instance), every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        registry.deregister(instance);
    }
}
