package workbook.uncancelledheartbeat;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** Lists an instance in the registry and keeps it listed with heartbeats, on the application's shared scheduler. */
public class ServiceRegistration implements Registration {

    private final String instance;
    private final Registry registry;
    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private ScheduledFuture<?> heartbeats;

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
        heartbeats = scheduler.scheduleAtFixedRate(() -> registry.heartbeat(instance), every, every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        // The scheduler is shared and outlives this registration: cancel our task, or it runs for as long as the
        // scheduler does. Cancelled first, so that no new heartbeat starts once the instance is deregistered.
        heartbeats.cancel(false);
        registry.deregister(instance);
    }
}
