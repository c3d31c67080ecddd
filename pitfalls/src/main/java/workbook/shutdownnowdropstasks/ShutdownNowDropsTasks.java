package workbook.shutdownnowdropstasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import workbook.harness.CallerThread;
import workbook.harness.CallerThread.Returned;
import workbook.harness.Delays;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;
import workbook.harness.Waits;

/**
 * Records a number of audit events (drawn anew in every trial, from {@link #FEWEST} to {@link #MOST}) while the store
 * is busy with one of the first few (its write waits until someone asks the writer to shut down), so the events after
 * it are queued, not started, when {@code close()} is called. Every other write takes a time drawn anew, so draining
 * the queue takes a while, longer than a short wait before giving up on it. The writer is the scenario's pool: it
 * counts what was submitted, what ran, and what {@code shutdownNow()} handed back, and whether anyone ran those. Proof
 * of work is every event in the store, once, by the time {@code close()} returns, and every write begun before
 * {@code close()} on the writer the trail was given.
 */
public final class ShutdownNowDropsTasks implements Pitfall<AuditTrail> {

    static final int FEWEST = 16;
    static final int MOST = 30;
    /** The held write is one of the first this many. */
    static final int HELD_AMONG = 4;
    static final Duration QUICKEST_WRITE = Duration.ofMillis(2);
    static final Duration SLOWEST_WRITE = Duration.ofMillis(60);
    /** How long record() may keep its caller: it only hands the event on. */
    static final Duration PATIENCE = Duration.ofSeconds(2);
    /** How long close() may take: long enough to drain the longest queue at its slowest. */
    static final Duration CLOSE_PATIENCE = SLOWEST_WRITE.multipliedBy(MOST).plus(PATIENCE);
    /** How long after close() returned the scenario still waits for writes, to tell "late" from "never". */
    static final Duration LATE_WRITES = CLOSE_PATIENCE;

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
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int count = random.nextInt(FEWEST, MOST + 1);
        int held = random.nextInt(1, HELD_AMONG + 1);
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(String.format(Locale.ROOT, "#%02d user-%d viewed invoice %d", i, random.nextInt(1, 6),
                    random.nextInt(1000, 10000)));
        }
        SlowStore store = new SlowStore(held);
        WriterPool writer = new WriterPool(store::finishHeldWrite);
        CallerThread caller = new CallerThread();
        try {
            AuditTrail trail = Subjects.create(implementation, writer, store);
            Returned recorded = caller.timed("record()", PATIENCE,
                    () -> events.subList(0, held).forEach(trail::record), trial.lockNames());
            if (!recorded.ok()) {
                return recordBlocked(recorded, trial);
            }
            if (!Waits.until(() -> store.started() >= held, PATIENCE)) {
                return trial.notWorking("event " + held + " was not being written " + PATIENCE.toMillis()
                        + " ms after record(): nothing writes in the background");
            }
            recorded = caller.timed("record()", PATIENCE, () -> events.subList(held, count).forEach(trail::record),
                    trial.lockNames());
            if (!recorded.ok()) {
                return recordBlocked(recorded, trial);
            }
            Set<String> elsewhere = store.writtenOffThreads(WriterPool.THREAD_PREFIX);
            if (!elsewhere.isEmpty()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%d of the events recorded before close() were written on %s, not on the writer the trail "
                                + "was given; the contract says the events are written on that executor",
                        elsewhere.size(), String.join(", ", store.threadsOf(elsewhere))));
            }

            // Close while the held write is in progress and the events after it wait in the writer's queue.
            AtomicInteger writtenAtClose = new AtomicInteger();
            Returned closed = caller.timed("close()", CLOSE_PATIENCE, () -> {
                trail.close();
                writtenAtClose.set(store.written().size());
            }, trial.lockNames());
            store.finishHeldWrite();
            if (!closed.ok()) {
                return trial.notWorking(closed.problem() + ", although the store writes an event in at most "
                        + SLOWEST_WRITE.toMillis() + " ms",
                        Stream.concat(Stream.of(new Count("events written", count, store.written().size())),
                                closed.evidence().stream()).toArray(Evidence[]::new));
            }
            Waits.until(() -> store.written().size() >= count || writer.isTerminated() && !store.writing(),
                    LATE_WRITES);
            int written = store.written().size();
            if (store.writes() > written) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "the store received %d writes for %d distinct events: some were written twice (%s)",
                        store.writes(), written, String.join(", ", store.twice())));
            }
            if (writtenAtClose.get() == count) {
                return trial.clean(String.format(Locale.ROOT,
                        "%d audit events recorded, then close(): all %d were in the store, once each, when "
                                + "close() returned, %,d ms later",
                        count, count, closed.millis()), new Count("events written", count, count));
            }
            if (written == count) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "close() returned with %d of %d events written; the rest were written after it had returned,"
                                + " so an exit right after close() would lose them",
                        writtenAtClose.get(), count),
                        new Count("events written when close() returned", count, writtenAtClose.get()));
            }
            int returned = writer.returned().size();
            int dropped = writer.returnedAndNotRun();
            String handedBack = returned == 0
                    ? ""
                    : String.format(Locale.ROOT,
                            "; shutdownNow() handed back the %s that had not started, and close() dropped %s",
                            tasks(returned), dropped == returned ? "them" : dropped + " of them");
            return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT,
                    "%d audit events recorded, then close(): %d written and %d lost without a trace%s", count,
                    written, count - written, handedBack),
                    new Count("tasks submitted", count, writer.submitted()),
                    new Count("tasks executed", count, writer.executed()),
                    new Count("tasks shutdownNow() returned and nobody ran", 0, dropped),
                    new Evidence.Note(String.format(Locale.ROOT,
                            "close() returned after %,d ms; %s; the store holds %s; missing: %s", closed.millis(),
                            writer.howStopped(), held(store.written(), events), missing(events, store.written()))));
        } finally {
            store.finishHeldWrite();
            caller.close();
            writer.shutdownNow();
        }
    }

    private static Finding recordBlocked(Returned recorded, Trial trial) {
        String problem = recorded.millis() >= PATIENCE.toMillis()
                ? recorded.problem() + "; the contract says record() returns at once and writes in the background"
                : recorded.problem();
        return trial.notWorking(problem, recorded.evidence().toArray(Evidence[]::new));
    }

    private static String tasks(int n) {
        return n == 1 ? "1 task" : n + " tasks";
    }

    /** What the store holds, in the order the events were recorded. */
    private static String held(Set<String> written, List<String> events) {
        List<String> inOrder = events.stream().filter(written::contains).toList();
        if (inOrder.isEmpty()) {
            return "nothing";
        }
        return inOrder.size() <= 3
                ? "[" + String.join(", ", inOrder) + "]"
                : "[" + inOrder.get(0) + ", ... " + inOrder.get(inOrder.size() - 1) + "] (" + inOrder.size()
                        + " events)";
    }

    private static String missing(List<String> events, Set<String> written) {
        List<String> missing = events.stream().filter(e -> !written.contains(e)).toList();
        return missing.size() <= 3
                ? String.join(", ", missing)
                : missing.get(0) + ", " + missing.get(1) + ", ... " + missing.get(missing.size() - 1) + " ("
                        + missing.size() + " events)";
    }

    /**
     * An audit store whose held write (the n-th) takes until the scenario lets it finish, and whose other writes take
     * a time drawn anew; a write finishes once begun, ignoring interrupts as a blocking JDBC call would.
     */
    private static final class SlowStore implements AuditStore {

        private final int held;
        private final CountDownLatch heldWrite = new CountDownLatch(1);
        private final AtomicInteger started = new AtomicInteger();
        private final AtomicInteger writing = new AtomicInteger();
        private final AtomicInteger writes = new AtomicInteger();
        private final Map<String, String> written = new ConcurrentHashMap<>();
        private final Set<String> twice = ConcurrentHashMap.newKeySet();
        private final Map<String, String> begunOn = new ConcurrentHashMap<>();

        SlowStore(int held) {
            this.held = held;
        }

        @Override
        public void write(String event) {
            writing.incrementAndGet();
            begunOn.putIfAbsent(event, Thread.currentThread().getName());
            try {
                boolean isHeld = started.incrementAndGet() == held;
                long until = System.nanoTime() + Delays.between(QUICKEST_WRITE, SLOWEST_WRITE).toNanos();
                boolean interrupted = false;
                while (true) {
                    try {
                        if (isHeld) {
                            heldWrite.await();
                        } else if (until - System.nanoTime() > 0) {
                            TimeUnit.NANOSECONDS.sleep(until - System.nanoTime());
                        }
                        break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                writes.incrementAndGet();
                if (written.putIfAbsent(event, Thread.currentThread().getName()) != null) {
                    twice.add(event);
                }
            } finally {
                writing.decrementAndGet();
            }
        }

        int started() {
            return started.get();
        }

        boolean writing() {
            return writing.get() > 0;
        }

        int writes() {
            return writes.get();
        }

        Set<String> written() {
            return written.keySet();
        }

        Set<String> twice() {
            return twice;
        }

        /** The events whose write began on a thread whose name does not start with {@code prefix}. */
        Set<String> writtenOffThreads(String prefix) {
            Set<String> off = new TreeSet<>();
            begunOn.forEach((event, thread) -> {
                if (!thread.startsWith(prefix)) {
                    off.add(event);
                }
            });
            return off;
        }

        List<String> threadsOf(Set<String> events) {
            return events.stream().map(begunOn::get).distinct().sorted().toList();
        }

        void finishHeldWrite() {
            heldWrite.countDown();
        }
    }

    /** The writer handed to the trail: counts the tasks submitted and run, and keeps what shutdownNow() returned. */
    private static final class WriterPool extends ThreadPoolExecutor {

        static final String THREAD_PREFIX = "audit-writer-";

        private final AtomicInteger submitted = new AtomicInteger();
        private final AtomicInteger executed = new AtomicInteger();
        private final List<Tracked> returned = new CopyOnWriteArrayList<>();
        private final List<String> stops = new CopyOnWriteArrayList<>();
        /** The held write finishes once someone asks the writer to stop. */
        private final Runnable onStop;

        WriterPool(Runnable onStop) {
            super(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            this.onStop = onStop;
            AtomicInteger count = new AtomicInteger();
            setThreadFactory(task -> {
                Thread thread = new Thread(task, THREAD_PREFIX + count.incrementAndGet());
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
            onStop.run();
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
            onStop.run();
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
