package workbook.uncancelledheartbeat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: a scheduler of its own for every registration, shut down in close(). Nothing leaks, but the
// registration ignores the shared scheduler it was given and costs a thread per open registration (40,000
// registrations, 40,000 threads); the contract says the heartbeats run on the scheduler it is given.
// expect: DOES NOT WORK

/** Lists an instance in the registry and keeps it listed with heartbeats, on the application's shared scheduler. */
public class ServiceRegistration implements Registration {

    private final String instance;
    private final Registry registry;
    private final ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor();
    private final Duration interval;

    public ServiceRegistration(String instance, Registry registry, ScheduledExecutorService scheduler,
            Duration interval) {
        this.instance = instance;
        this.registry = registry;
        this.interval = interval;
    }

    @Override
    public void open() {
        registry.register(instance);
        long every = interval.toMillis();
        own.scheduleAtFixedRate(() -> registry.heartbeat(instance), every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        own.shutdownNow();
        registry.deregister(instance);
    }
}
