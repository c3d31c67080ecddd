package workbook.unsafehashmap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;
import workbook.harness.HeldLocks;
import workbook.harness.Stress;

/**
 * One round of connections: every gateway thread registers its own devices (ids and counts drawn anew), while pushes
 * look up devices whose registration has returned ({@link Pushes}). Afterwards every device is looked up once more,
 * with nobody writing, and the registry is asked for its count.
 */
final class Connections {

    private static final String[] KINDS = {"thermostat", "doorbell", "camera", "smart-plug", "leak-sensor"};
    private static final Duration DUMP_EVERY = Duration.ofNanos(500_000);
    /** A gateway still inside the registry this long after the round's time is up is stuck there. */
    private static final Duration STUCK_AFTER = Duration.ofSeconds(1);

    /** A device the registry could not find: where and when it was registered, and by whom. */
    record Lost(Device device, String gateway, int nth) {
    }

    /** What the round showed. */
    record Outcome(Stress.Result stress, Throwable pushFailed, int registered, List<Lost> lost, int wrong, int counted,
            Pushes.Miss miss) {
        int found() {
            return registered - lost.size() - wrong;
        }

        boolean damaged() {
            return !lost.isEmpty() || wrong > 0 || counted != registered || miss != null;
        }
    }

    private final Device[][] devices;

    Connections(int gateways, int minDevices, int maxDevices) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int perGateway = random.nextInt(minDevices, maxDevices + 1);
        int serial = random.nextInt(0x10_0000, 0x80_0000);
        devices = new Device[gateways][perGateway];
        for (int g = 0; g < gateways; g++) {
            for (int i = 0; i < perGateway; i++) {
                String id = KINDS[random.nextInt(KINDS.length)] + "-" + Integer.toHexString(serial++);
                devices[g][i] = new Device(id, String.format(Locale.ROOT, "10.%d.%d.%d:443", g + 1, (i >> 8) & 255,
                        i & 255));
            }
        }
    }

    static String gateway(int worker) {
        return "gateway-" + (worker + 1);
    }

    /**
     * Runs the round on the registry within {@code limit}, with the gateways' locks tallied from a thread dump every
     * half millisecond, and checks what the registry holds afterwards.
     */
    Outcome run(Devices registry, Duration limit, HeldLocks locks) throws InterruptedException {
        int perGateway = devices[0].length;
        AtomicIntegerArray registered = new AtomicIntegerArray(devices.length);
        Pushes pushes = new Pushes(registry, devices, registered);
        Stress running = Stress.start("gateway", devices.length, perGateway, limit, (worker, i) -> {
            registry.register(devices[worker][(int) i]);
            registered.lazySet(worker, (int) i + 1);
        });
        pushes.start();
        long end = System.nanoTime() + limit.toNanos();
        while (!running.done() && System.nanoTime() < end) {
            locks.sample(running.threadIds());
            LockSupport.parkNanos(DUMP_EVERY.toNanos());
        }
        Stress.Result stress = running.await(STUCK_AFTER);
        locks.endRound();
        if (!pushes.stop(STUCK_AFTER.toMillis())) {
            stress = stress.withStuck(Pushes.THREAD, pushes.threadId());
        }
        if (!stress.stuck().isEmpty() || !stress.failures().isEmpty() || pushes.failure() != null) {
            return new Outcome(stress, pushes.failure(), 0, List.of(), 0, 0, null);
        }
        List<Lost> lost = new ArrayList<>();
        int wrong = 0;
        int total = 0;
        for (int g = 0; g < devices.length; g++) {
            for (int i = 0; i < stress.completed()[g]; i++) {
                total++;
                Device found = registry.find(devices[g][i].id());
                if (found == null) {
                    lost.add(new Lost(devices[g][i], gateway(g), i + 1));
                } else if (!found.equals(devices[g][i])) {
                    wrong++;
                }
            }
        }
        return new Outcome(stress, null, total, lost, wrong, registry.count(), pushes.miss());
    }
}
