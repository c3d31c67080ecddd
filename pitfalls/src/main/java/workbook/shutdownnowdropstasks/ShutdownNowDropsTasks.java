package workbook.shutdownnowdropstasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.CallerThread;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;
import workbook.harness.Waits;

/**
 * Records 20 audit events while the store is busy with the first (its write waits until someone asks the writer to
 * shut down), so the other 19 are queued, not started, when {@code close()} is called. The writer is the scenario's
 * pool: it counts what was submitted, what ran, and what {@code shutdownNow()} handed back, and whether anyone ran
 * those. Proof of work is every event in the store by the time {@code close()} returns.
 */
public final class ShutdownNowDropsTasks implements Pitfall<AuditTrail> {

    static final int EVENTS = 20;
    static final Duration PATIENCE = Duration.ofSeconds(2);
    /** How long after close() returned the scenario still waits for writes, to tell "late" from "never". */
    static final Duration LATE_WRITES = Duration.ofMillis(200);

    @Override
    public String id() {
        return "shutdown-now-drops-tasks";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LOST_FAILURE;
    }

    /** Both variants' threads end with the trial (the scenario shuts down what it started). */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<BackgroundAuditLog> subject() {
        return BackgroundAuditLog.class;
    }

    @Override
    public Finding run(Class<? extends AuditTrail> implementation, Trial trial) throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= EVENTS; i++) {
            events.add(String.format(Locale.ROOT, "#%02d user-%d viewed invoice %d", i, i % 5 + 1, 1000 + i));
        }
        SlowStore store = new SlowStore();
        WriterPool writer = new WriterPool();
        CallerThread caller = new CallerThread();
        try {
            AuditTrail trail = Subjects.create(implementation, writer, store);
            Optional<String> failed = caller.call("record()", PATIENCE, () -> trail.record(events.get(0)));
            if (failed.isPresent()) {
                return trial.notWorking(failed.get());
            }
            if (!Waits.until(() -> store.started() >= 1, PATIENCE)) {
                return trial.notWorking("the first event was not being written " + PATIENCE.toMillis()
                        + " ms after record(): nothing writes in the background");
            }
            failed = caller.call("record()", PATIENCE, () -> events.subList(1, EVENTS).forEach(trail::record));
            if (failed.isPresent()) {
                return trial.notWorking(failed.get());
            }

            // Close while the first write is in progress and the other events wait in the writer's queue.
            long closeStart = System.nanoTime();
            Future<Integer> closing = caller.submit(() -> {
                trail.close();
                return store.written().size();
            });
            // The first write finishes once the writer is asked to stop (or close() returns, or it is past waiting).
            Waits.until(() -> writer.shutdownRequested() || closing.isDone(), PATIENCE);
            store.finishFirstWrite();
            int writtenAtClose;
            try {
                writtenAtClose = closing.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return trial.notWorking("close() did not return within " + PATIENCE.toMillis()
                        + " ms, although the store writes an event in microseconds",
                        new Count("events written", EVENTS, store.written().size()));
            } catch (ExecutionException e) {
                return trial.notWorking("close() threw " + e.getCause());
            }
            long closeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closeStart);
            Waits.until(() -> store.written().size() >= EVENTS, LATE_WRITES);
            int written = store.written().size();

            if (writtenAtClose == EVENTS) {
                return trial.clean(String.format(Locale.ROOT,
                        "%d audit events recorded, then close(): all %d were in the store when close() returned,"
                                + " %,d ms later",
                        EVENTS, writtenAtClose, closeMillis), new Count("events written", EVENTS, writtenAtClose));
            }
            if (written == EVENTS) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "close() returned with %d of %d events written; the rest were written after it had returned,"
                                + " so an exit right after close() would lose them",
                        writtenAtClose, EVENTS),
                        new Count("events written when close() returned", EVENTS, writtenAtClose));
            }
            int returned = writer.returned().size();
            int dropped = writer.returnedAndNotRun();
            String handedBack = returned == 0
                    ? ""
                    : String.format(Locale.ROOT,
                            "; shutdownNow() handed back the %d tasks that had not started, and close() dropped %s",
                            returned, dropped == returned ? "them" : dropped + " of them");
            return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT,
                    "%d audit events recorded, then close(): %d written and %d lost without a trace%s", EVENTS,
                    written, EVENTS - written, handedBack),
                    new Count("tasks submitted", EVENTS, writer.submitted()),
                    new Count("tasks executed", EVENTS, writer.executed()),
                    new Count("tasks shutdownNow() returned and nobody ran", 0, dropped),
                    new Evidence.Note(String.format(Locale.ROOT,
                            "close() returned after %,d ms; %s; the store holds %s; missing: %s", closeMillis,
                            writer.howStopped(), store.written().isEmpty() ? "nothing" : store.written(),
                            missing(events, store.written()))));
        } finally {
            store.finishFirstWrite();
            caller.close();
            writer.shutdownNow();
        }
    }

    private static String missing(List<String> events, Set<String> written) {
        List<String> missing = events.stream().filter(e -> !written.contains(e)).toList();
        return missing.size() <= 3
                ? String.join(", ", missing)
                : missing.get(0) + ", " + missing.get(1) + ", ... " + missing.get(missing.size() - 1) + " ("
                        + missing.size() + " events)";
    }

    /**
     * An audit store whose first write takes until the scenario lets it finish, ignoring interrupts as a JDBC call
     * would; every other write is instant.
     */
    private static final class SlowStore implements AuditStore {

        private final CountDownLatch firstWrite = new CountDownLatch(1);
        private final AtomicInteger started = new AtomicInteger();
        private final Set<String> written = ConcurrentHashMap.newKeySet();

        @Override
        public void write(String event) {
            if (started.incrementAndGet() == 1) {
                boolean interrupted = false;
                while (true) {
                    try {
                        firstWrite.await();
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            written.add(event);
        }

        int started() {
            return started.get();
        }

        Set<String> written() {
            return written;
        }

        void finishFirstWrite() {
            firstWrite.countDown();
        }
    }

    /** The writer handed to the trail: counts the tasks submitted and run, and keeps what shutdownNow() returned. */
    private static final class WriterPool extends ThreadPoolExecutor {

        private final AtomicInteger submitted = new AtomicInteger();
        private final AtomicInteger executed = new AtomicInteger();
        private final List<Tracked> returned = new CopyOnWriteArrayList<>();
        private final List<String> stops = new CopyOnWriteArrayList<>();

        WriterPool() {
            super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            AtomicInteger count = new AtomicInteger();
            setThreadFactory(task -> {
                Thread thread = new Thread(task, "audit-writer-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Override
        public void execute(Runnable command) {
            submitted.incrementAndGet();
            super.execute(new Tracked(command, executed));
        }

        @Override
        public void shutdown() {
            stops.add("shutdown()");
            super.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            List<Runnable> tasks = super.shutdownNow();
            for (Runnable task : tasks) {
                if (task instanceof Tracked tracked) {
                    returned.add(tracked);
                }
            }
            stops.add("shutdownNow(), which returned a list of " + tasks.size() + " never-started tasks");
            return tasks;
        }

        boolean shutdownRequested() {
            return isShutdown();
        }

        int submitted() {
            return submitted.get();
        }

        int executed() {
            return executed.get();
        }

        List<Tracked> returned() {
            return returned;
        }

        int returnedAndNotRun() {
            return (int) returned.stream().filter(task -> !task.ran()).count();
        }

        String howStopped() {
            return stops.isEmpty()
                    ? "the writer was never shut down"
                    : "the writer was stopped with " + String.join(", then ", stops);
        }
    }

    /** A task as the writer queues it: it knows whether it ever ran, wherever it ran. */
    private static final class Tracked implements Runnable {

        private final Runnable task;
        private final AtomicInteger executed;
        private volatile boolean ran;

        Tracked(Runnable task, AtomicInteger executed) {
            this.task = task;
            this.executed = executed;
        }

        @Override
        public void run() {
            ran = true;
            executed.incrementAndGet();
            task.run();
        }

        boolean ran() {
            return ran;
        }
    }
}
