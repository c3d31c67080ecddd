package workbook.unsafehashmap;

import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The pushes that go on while devices connect: a thread that keeps looking up devices whose registration has
 * returned, chosen at random, and keeps the first lookup that did not find its device.
 */
final class Pushes implements Runnable {

    static final String THREAD = "push-1";

    /** A lookup that did not find a device registered before it started. */
    record Miss(Device device, String gateway, int nth, int since, Device found) {
        String describe() {
            return String.format(Locale.ROOT,
                    "%s looked up %s (registered by %s, its %,d%s device, %,d registrations before) and %s", THREAD,
                    device.id(), gateway, nth, UnsafeHashMap.ordinal(nth), since,
                    found == null ? "found nothing" : "found " + found + " instead");
        }
    }

    private final Devices registry;
    private final Device[][] devices;
    private final AtomicIntegerArray registered;
    private final Thread thread;
    private volatile boolean stopped;
    private volatile Miss miss;
    private volatile Throwable failure;

    Pushes(Devices registry, Device[][] devices, AtomicIntegerArray registered) {
        this.registry = registry;
        this.devices = devices;
        this.registered = registered;
        thread = new Thread(this, THREAD);
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    /** Stops the pushes; false if the thread is stuck in the registry. */
    boolean stop(long millis) throws InterruptedException {
        stopped = true;
        thread.join(millis);
        return !thread.isAlive();
    }

    long threadId() {
        return thread.threadId();
    }

    Miss miss() {
        return miss;
    }

    Throwable failure() {
        return failure;
    }

    @Override
    public void run() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            while (!stopped && miss == null) {
                int gateway = random.nextInt(devices.length);
                int done = registered.get(gateway);
                if (done == 0) {
                    Thread.onSpinWait();
                    continue;
                }
                int i = random.nextInt(done);
                Device found = registry.find(devices[gateway][i].id());
                if (!devices[gateway][i].equals(found)) {
                    miss = new Miss(devices[gateway][i], Connections.gateway(gateway), i + 1, done - i - 1, found);
                }
            }
        } catch (Throwable e) {
            failure = e;
        }
    }
}
