package workbook.uncancelledheartbeat;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import workbook.harness.CallerThread;
import workbook.harness.CancellationProbe;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * Opens three registrations one after another on one shared scheduler, lets each send a few heartbeats, closes
 * it, and watches for heartbeats after close(). The scheduler also runs the application's own periodic task (a
 * metrics flush, at the heartbeat's rate); the watch after each close lasts a number of its ticks, not a number
 * of milliseconds, so a slow machine stretches the watch instead of hiding the heartbeats. At the end the scenario
 * counts, on the scheduler's own thread, the heartbeat tasks still scheduled: a registration that only stops
 * sending but leaves its task running is a leak too.
 */
public final class UncancelledHeartbeat implements Pitfall<Registration> {

    static final int REGISTRATIONS = 3;
    static final Duration INTERVAL = Duration.ofMillis(20);
    static final int HEARTBEATS_WHILE_OPEN = 3;
    /** Ticks of the metrics flush watched after each close(): a heartbeat task still scheduled would run too. */
    static final int TICKS_AFTER_CLOSE = 5;
    /**
     * Heartbeats after close() that make a registration a leak. One may be a heartbeat that began before close()
     * and was only recorded after it (its thread was descheduled in between); a correct close() lets it finish.
     */
    static final int HEARTBEATS_AFTER_CLOSE = 2;
    static final Duration PATIENCE = Duration.ofSeconds(1);

    @Override
    public String id() {
        return "uncancelled-heartbeat";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LEAK;
    }

    /** Leaked heartbeats are tasks on the scenario's own scheduler, which it shuts down. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ServiceRegistration> subject() {
        return ServiceRegistration.class;
    }

    @Override
    public Finding run(Class<? extends Registration> implementation, Trial trial) throws Exception {
        long start = System.nanoTime();
        Set<Thread> schedulerThreads = ConcurrentHashMap.newKeySet();
        ThreadFactory named = Thread.ofPlatform().name("scheduler-", 1).daemon().factory();
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = named.newThread(task);
            schedulerThreads.add(thread);
            return thread;
        });
        CallerThread caller = new CallerThread();
        AtomicLong flushes = new AtomicLong();
        ScheduledFuture<?> metricsFlush = scheduler.scheduleAtFixedRate(flushes::incrementAndGet, 0,
                INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        FakeRegistry registry = new FakeRegistry(schedulerThreads::contains);
        try {
            int heartbeatsWhileOpen = 0;
            int heartbeatsAfterClose = 0;
            CancellationProbe last = null;
            int closed = 0;
            while (closed < REGISTRATIONS && !trial.outOfTime()) {
                String instance = "orders-" + (closed + 1);
                CancellationProbe probe = registry.watch(instance, new CancellationProbe(start));
                last = probe;
                Registration registration = Subjects.create(implementation, instance, registry, scheduler, INTERVAL);
                CallerThread.Returned opened = caller.timed("open()", PATIENCE, registration::open,
                        trial.lockNames());
                if (!opened.ok()) {
                    return opened.notWorking(trial);
                }
                if (!registry.registered(instance)) {
                    return trial.notWorking("open() did not register " + instance);
                }
                boolean beating = registry.awaitHeartbeats(instance, HEARTBEATS_WHILE_OPEN, PATIENCE);
                Optional<Finding> elsewhere = registry.offScheduler(trial, probe);
                if (elsewhere.isPresent()) {
                    return elsewhere.get();
                }
                if (!beating) {
                    return trial.notWorking(String.format(Locale.ROOT,
                            "%s sent %d heartbeats in the %,d ms after open(); one every %d ms was expected",
                            instance, registry.heartbeats(instance), PATIENCE.toMillis(), INTERVAL.toMillis()),
                            probe.timeline("What happened"));
                }
                CallerThread.Returned closing = caller.timed("close()", PATIENCE, registration::close,
                        trial.lockNames());
                if (!closing.ok()) {
                    return closing.notWorking(trial);
                }
                probe.cancelled("close() returned");
                if (!registry.deregistered(instance)) {
                    return trial.notWorking("close() did not deregister " + instance);
                }
                if (scheduler.isShutdown()) {
                    return trial.notWorking("close() shut down the shared scheduler: the application's metrics "
                            + "flush, which runs on it too, stopped with the heartbeats");
                }
                closed++;
                heartbeatsWhileOpen += probe.workBeforeCancel();
                long watchUntil = flushes.get() + TICKS_AFTER_CLOSE;
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (flushes.get() < watchUntil && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                if (flushes.get() < watchUntil && !scheduler.getQueue().contains(metricsFlush)) {
                    return trial.notWorking("the application's metrics flush stopped running after close(): it is "
                            + "no longer on the shared scheduler, so close() took off a task that was not its own");
                }
                if (flushes.get() < watchUntil) {
                    return trial.inconclusive("the shared scheduler ran nothing for " + PATIENCE.toMillis()
                            + " ms after close(), so heartbeats could not have come either");
                }
            }
            if (closed == 0) {
                return trial.inconclusive("the budget ran out before a registration could be closed");
            }
            boolean keptBeating = false;
            for (int n = 1; n <= closed; n++) {
                int after = registry.probe("orders-" + n).workAfterCancel();
                heartbeatsAfterClose += after;
                keptBeating |= after >= HEARTBEATS_AFTER_CLOSE;
            }
            Optional<Finding> elsewhere = registry.offScheduler(trial, last);
            if (elsewhere.isPresent()) {
                return elsewhere.get();
            }
            // Any task still due, periodic or one that schedules the next: the metrics flush is the only one left
            // once every registration closed.
            long stillScheduled = onSchedulerThread(scheduler,
                    () -> scheduler.getQueue().stream().filter(task -> task != metricsFlush)
                            .filter(task -> !(task instanceof Future<?> future && future.isCancelled())).count());
            if (keptBeating || stillScheduled > 0) {
                String summary = keptBeating
                        ? String.format(Locale.ROOT, "%s closed and deregistered, yet %s arrived after close()%s",
                                registrations(closed), plural(heartbeatsAfterClose, "heartbeat"),
                                stillScheduled == 0
                                        ? ""
                                        : ", and " + tasksStillScheduled(stillScheduled))
                        : String.format(Locale.ROOT,
                                "%s closed and stopped sending heartbeats, yet %s, running every %d ms for nothing",
                                registrations(closed), tasksStillScheduled(stillScheduled), INTERVAL.toMillis());
                return trial.reproduced(FailureKind.LEAK, summary,
                        new Count("heartbeats after close()", 0, heartbeatsAfterClose),
                        new Count("heartbeat tasks still scheduled after every registration closed", 0,
                                stillScheduled),
                        last.timeline("Timeline of orders-" + closed));
            }
            return trial.clean(String.format(Locale.ROOT,
                    "%s sent %s while open, all on the shared scheduler, and stopped at close(); no heartbeat task "
                            + "is left on the shared scheduler, which kept running the metrics flush",
                    plural(closed, "registration"), plural(heartbeatsWhileOpen, "heartbeat")),
                    last.timeline("Timeline of orders-" + closed));
        } finally {
            // A held trial keeps the scheduler running, with whatever the registrations left on it, for jstack.
            if (!trial.held()) {
                caller.close();
                scheduler.shutdownNow();
            }
        }
    }

    private static String registrations(int closed) {
        return plural(closed, "registration") + (closed == 1 ? " was" : " were");
    }

    private static String tasksStillScheduled(long tasks) {
        return plural(tasks, "heartbeat task") + (tasks == 1 ? " is" : " are") + " still scheduled";
    }

    private static String plural(long n, String noun) {
        return String.format(Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** Runs on the scheduler's single thread, so that no periodic task is out of the queue, running. */
    private static long onSchedulerThread(ScheduledThreadPoolExecutor scheduler, Callable<Long> count)
            throws Exception {
        return scheduler.submit(count).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records registrations; every heartbeat is a unit of work on the probe of its instance. */
    private static final class FakeRegistry implements Registry {

        private final Map<String, CancellationProbe> probes = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> heartbeats = new ConcurrentHashMap<>();
        private final Map<String, Boolean> listed = new ConcurrentHashMap<>();
        private final Map<String, String> foreignThreads = new ConcurrentHashMap<>();
        private final Predicate<Thread> onScheduler;

        FakeRegistry(Predicate<Thread> onScheduler) {
            this.onScheduler = onScheduler;
        }

        CancellationProbe watch(String instance, CancellationProbe probe) {
            probes.put(instance, probe);
            heartbeats.put(instance, new AtomicInteger());
            return probe;
        }

        CancellationProbe probe(String instance) {
            return probes.get(instance);
        }

        @Override
        public void register(String instance) {
            listed.put(instance, true);
            probes.get(instance).note("register(" + instance + ")");
        }

        @Override
        public void heartbeat(String instance) {
            if (!onScheduler.test(Thread.currentThread())) {
                foreignThreads.putIfAbsent(instance, Thread.currentThread().getName());
            }
            int n = heartbeats.get(instance).incrementAndGet();
            probes.get(instance).work("heartbeat #" + n + " from " + instance);
        }

        @Override
        public void deregister(String instance) {
            listed.put(instance, false);
            probes.get(instance).note("deregister(" + instance + ")");
        }

        /** The finding for a registration whose heartbeats came from a thread not of the scheduler it was given. */
        Optional<Finding> offScheduler(Trial trial, CancellationProbe probe) {
            return foreignThreads.entrySet().stream().findFirst()
                    .map(foreign -> trial.notWorking(String.format(Locale.ROOT,
                            "%s's heartbeats came from the thread \"%s\", not from the shared scheduler it was "
                                    + "given; the contract says they run on that scheduler",
                            foreign.getKey(), foreign.getValue()), probe.timeline("What happened")));
        }

        boolean registered(String instance) {
            return listed.getOrDefault(instance, false);
        }

        boolean deregistered(String instance) {
            return !listed.getOrDefault(instance, true);
        }

        int heartbeats(String instance) {
            return heartbeats.get(instance).get();
        }

        boolean awaitHeartbeats(String instance, int count, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (heartbeats(instance) < count && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return heartbeats(instance) >= count;
        }
    }
}
