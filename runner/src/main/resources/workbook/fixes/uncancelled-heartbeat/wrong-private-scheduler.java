package workbook.uncancelledheartbeat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

// Wrong fix: a scheduler of its own for every registration, so that cancelling can never touch anyone else's task.
// close() cancels the heartbeat, but nobody shuts the private scheduler down: its thread, not a daemon, waits for
// work forever, one per registration ever opened. And the heartbeats no longer run on the scheduler it was given.
// expect: DOES NOT WORK

/** Lists an instance in the registry and keeps it listed with heartbeats, on the application's shared scheduler. */
public class ServiceRegistration implements Registration {

    private final String instance;
    private final Registry registry;
    private final ScheduledExecutorService own = Executors.newSingleThreadScheduledExecutor();
    private final Duration interval;
    private ScheduledFuture<?> heartbeats;

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
        heartbeats = own.scheduleAtFixedRate(() -> registry.heartbeat(instance), every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        heartbeats.cancel(false);
        registry.deregister(instance);
    }
}
