package workbook.uncancelledheartbeat;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: a volatile flag the task checks before it sends. No heartbeat after close(), but the task itself is
// never cancelled: it still runs every interval, doing nothing, for as long as the shared scheduler does.
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
        long every = interval.toMillis();
        scheduler.scheduleAtFixedRate(() -> {
            if (!closed) {
                registry.heartbeat(instance);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        closed = true;
        registry.deregister(instance);
    }
}
