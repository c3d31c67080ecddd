package workbook.swallowedinterrupt;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.CancellationProbe;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;

/**
 * Runs the poller on an executor, lets it poll a few times, cancels its future with {@code cancel(true)} while it
 * waits between polls, and watches whether it polls again. A correct poller may finish the poll it was in, so the
 * failure is two polls or more begun after the cancel.
 */
public final class SwallowedInterrupt implements Pitfall<Runnable> {

    static final int POLLS_BEFORE_CANCEL = 3;
    static final int POLLS_AFTER_CANCEL = 2;
    static final int ROUNDS = 5;
    static final Duration PATIENCE = Duration.ofSeconds(2);

    @Override
    public String id() {
        return "swallowed-interrupt";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LOST_CANCEL;
    }

    /** Both variants' threads end with the trial (the scenario shuts down what it started). */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<InboxPoller> subject() {
        return InboxPoller.class;
    }

    @Override
    public Finding run(Class<? extends Runnable> implementation, Trial trial) throws Exception {
        long start = System.nanoTime();
        int polls = 0;
        int stopped = 0;
        for (int round = 1; round <= ROUNDS && !trial.outOfTime(); round++) {
            CancellationProbe probe = new CancellationProbe(start);
            ProbedInbox inbox = new ProbedInbox(probe);
            Runnable poller = Subjects.create(implementation, inbox);
            ExecutorService executor = Executors.newSingleThreadExecutor(task -> daemon(task, "inbox-poller"));
            CountDownLatch returned = new CountDownLatch(1);
            try {
                Future<?> task = executor.submit(() -> {
                    inbox.taskThread(Thread.currentThread());
                    try {
                        poller.run();
                    } finally {
                        probe.note("run() returned");
                        returned.countDown();
                    }
                });
                if (!inbox.awaitPolls(POLLS_BEFORE_CANCEL, PATIENCE)) {
                    return trial.notWorking(returned.getCount() == 0
                            ? "the poller returned after " + inbox.polls() + " polls, before anyone cancelled it"
                            : "the poller did not poll " + POLLS_BEFORE_CANCEL + " times within " + PATIENCE.toMillis()
                                    + " ms",
                            probe.timeline("What happened"));
                }
                // Cancel while the poller waits between polls, just after it marked its messages read.
                inbox.awaitQuiet(Duration.ofMillis(5), PATIENCE);
                // Marked before the call: its interrupt may wake the poller before cancel(true) has returned.
                probe.cancelled("future.cancel(true) called: it interrupts inbox-poller");
                boolean cancelled = task.cancel(true);
                probe.note("future.cancel(true) returned " + cancelled + "; isCancelled() = " + task.isCancelled());

                awaitStopOrWork(probe, returned, inbox);
                if (probe.workAfterCancel() >= POLLS_AFTER_CANCEL) {
                    String elsewhere = inbox.otherPollers();
                    return trial.reproduced(FailureKind.LOST_CANCEL, String.format(Locale.ROOT,
                            "%s, yet it polled %d more times in the %,d ms after cancel(true)%s",
                            task.isCancelled()
                                    ? "the poller's future says cancelled"
                                    : "cancel(true) found the task already over (run() had returned)",
                            probe.workAfterCancel(), probe.millisSinceCancel(), elsewhere.isEmpty()
                                    ? ""
                                    : ": the polling ran on " + elsewhere + ", not on the task's thread, so the"
                                            + " cancel never reached it"),
                            probe.timeline("Timeline of round " + round));
                }
                if (returned.getCount() > 0) {
                    return trial.notWorking("after cancel(true) the poller neither stopped nor polled again for "
                            + PATIENCE.toMillis() + " ms", probe.timeline("What happened"),
                            new Evidence.Threads("The poller", ThreadViews.of(List.of(inbox.pollerThreadId()),
                                    trial.lockNames())));
                }
                polls += inbox.polls();
                stopped++;
            } finally {
                // A held trial leaves the poller polling after its cancel, for jstack.
                if (!trial.held()) {
                    inbox.close();
                    executor.shutdownNow();
                }
            }
        }
        if (stopped == 0) {
            return trial.inconclusive("the budget ran out before a poller could be cancelled");
        }
        return trial.clean(String.format(Locale.ROOT,
                "%d pollers polled %d times in all, and each stopped at cancel(true) without polling twice more",
                stopped, polls));
    }

    /**
     * Waits until the poller returns from run(), or polls twice after the cancel, or the patience runs out. A poller
     * that polled on a thread other than the task's may go on after run() returned, so it is watched to the end.
     */
    private static void awaitStopOrWork(CancellationProbe probe, CountDownLatch returned, ProbedInbox inbox)
            throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (probe.workAfterCancel() < POLLS_AFTER_CANCEL && System.nanoTime() < deadline) {
            if (returned.await(2, TimeUnit.MILLISECONDS) && inbox.otherPollers().isEmpty()) {
                return;
            }
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The scenario's inbox: every fetch is a unit of work on the probe. Closing it ends a poller that won't stop. */
    private static final class ProbedInbox implements Inbox {

        private final CancellationProbe probe;
        private final AtomicInteger polls = new AtomicInteger();
        private volatile long lastActivity = System.nanoTime();
        private volatile long pollerThreadId;
        private volatile Thread taskThread;
        private final java.util.Set<String> otherPollers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private volatile boolean closed;

        ProbedInbox(CancellationProbe probe) {
            this.probe = probe;
        }

        @Override
        public List<String> fetchNew() {
            if (closed) {
                throw new IllegalStateException("inbox closed by the workbook: this poller would not stop");
            }
            pollerThreadId = Thread.currentThread().threadId();
            if (Thread.currentThread() != taskThread) {
                otherPollers.add(Thread.currentThread().getName());
            }
            int poll = polls.incrementAndGet();
            probe.work("fetchNew() #" + poll);
            lastActivity = System.nanoTime();
            return List.of("message " + poll);
        }

        @Override
        public void markRead(String message) {
            lastActivity = System.nanoTime();
        }

        int polls() {
            return polls.get();
        }

        void taskThread(Thread thread) {
            taskThread = thread;
        }

        /** The threads other than the task's that polled, by name; empty if none did. */
        String otherPollers() {
            return String.join(", ", otherPollers);
        }

        long pollerThreadId() {
            return pollerThreadId;
        }

        boolean awaitPolls(int count, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (polls.get() < count && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return polls.get() >= count;
        }

        /** Waits until the poller has been idle for {@code idle} (it is then between polls), or gives up. */
        void awaitQuiet(Duration idle, Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            while (System.nanoTime() - lastActivity < idle.toNanos() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }

        void close() {
            closed = true;
        }
    }
}
