package workbook.fireandforgetexception;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Harness;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;
import workbook.harness.Waits;

/**
 * Sends a batch of receipts on a pool the scenario owns, to a mail server that bounces three of them. When every
 * task has run (the pool is shut down and its threads joined), the scenario counts the bounces reported anywhere it
 * can see: the error reporter, and the uncaught-exception handler of the pool's threads. The pool also keeps every
 * {@code Future} that {@code submit()} handed out, so the scenario can show where the exceptions went instead.
 */
public final class FireAndForgetException implements Pitfall<ReceiptSender> {

    static final int RECEIPTS = 10;
    /** The receipts (1-based) whose mailboxes bounce. */
    static final Set<Integer> BOUNCING = Set.of(3, 6, 9);
    /** The receipt whose customer gave no address: the one failure the sender sees for itself. */
    static final int NO_ADDRESS = 8;
    static final int POOL_THREADS = 2;
    static final Duration LIMIT = Duration.ofSeconds(2);
    /** How long after the last task a report made on some other thread may still come in. */
    static final Duration LATE_REPORTS = Duration.ofMillis(200);

    @Override
    public String id() {
        return "fire-and-forget-exception";
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
    public Class<ReceiptMailer> subject() {
        return ReceiptMailer.class;
    }

    @Override
    public Finding run(Class<? extends ReceiptSender> implementation, Trial trial) throws Exception {
        List<Receipt> receipts = receipts();
        MailServer server = new MailServer(receipts);
        Reports reports = new Reports(server);
        WatchedPool pool = new WatchedPool(reports);
        ExecutorService checkout = Executors.newSingleThreadExecutor(Harness.threads("checkout"));
        try {
            ReceiptSender sender = Subjects.create(implementation, pool, server, reports);
            Future<?> call = checkout.submit(() -> sender.sendAll(receipts));
            try {
                call.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return trial.notWorking("sendAll() did not return within " + LIMIT.toMillis() + " ms");
            } catch (ExecutionException e) {
                return trial.notWorking("sendAll() threw " + e.getCause());
            }
            // Let every task run to its end; a thread's uncaught-exception handler has run once the thread is gone.
            pool.shutdown();
            boolean finished = pool.awaitTermination(LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    && pool.joinThreads(LIMIT);
            int deliverable = RECEIPTS - 1;
            Waits.until(() -> server.addressesTried() >= deliverable, LIMIT);
            Waits.until(() -> reports.bouncesReported() >= BOUNCING.size(), LATE_REPORTS);

            if (server.addressesTried() < deliverable) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "only %d of the %d receipts with an address reached the mail server within %,d ms",
                        server.addressesTried(), deliverable, LIMIT.toMillis()),
                        new Count("receipts handed to the mail server", deliverable, server.addressesTried()));
            }
            if (!finished) {
                return trial.notWorking("the mail tasks were still running " + LIMIT.toMillis()
                        + " ms after sendAll() returned, although the mail server answers at once");
            }
            int bounced = server.bounces().size();
            int reported = reports.bouncesReported();
            if (reported == bounced) {
                return trial.clean(String.format(Locale.ROOT,
                        "%d receipts reached the mail server: %d delivered, and all %d that bounced were reported"
                                + " (%d to the error reporter, %d to the threads' uncaught-exception handler)",
                        server.attempts(), server.delivered(), bounced, reports.viaReporter(), reports.viaHandler()),
                        new Count("bounces reported", bounced, reported));
            }
            return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT,
                    "%d of %d receipts bounced on the mail-sender threads, and %d of the %d failures were reported"
                            + " anywhere (error reporter, uncaught-exception handler)",
                    bounced, server.attempts(), reported, bounced), new Count("bounces reported", bounced, reported),
                    new Evidence.Note(whereTheyWent(pool.futures(), server)), new Evidence.Note(reports.heard()));
        } finally {
            checkout.shutdownNow();
            pool.shutdownNow();
        }
    }

    private static List<Receipt> receipts() {
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 1; i <= RECEIPTS; i++) {
            String order = String.valueOf(1000 + i);
            String email = i == NO_ADDRESS ? "" : "customer-" + order + "@example.com";
            receipts.add(new Receipt(order, email, "Order " + order + ": " + i + " items"));
        }
        return receipts;
    }

    /** The futures as the pool kept them: what submit() returned, who read them, and the exceptions inside. */
    private static String whereTheyWent(List<TrackedTask<?>> futures, MailServer server) {
        if (futures.isEmpty()) {
            return "submit() was never called: the tasks went to execute(), and the pool saw no exception escape them";
        }
        long read = futures.stream().filter(f -> f.reads() > 0).count();
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < futures.size(); i++) {
            TrackedTask<?> future = futures.get(i);
            if (future.state() == Future.State.FAILED) {
                Throwable error = future.exceptionNow();
                failed.add("the future of order " + server.orderOf(error) + " holds " + error + " (thrown on "
                        + server.threadOf(error) + ")");
            }
        }
        return String.format(Locale.ROOT,
                "submit() returned %d futures, and %d of them were ever read with get(); %d hold the exception: %s",
                futures.size(), read, failed.size(), String.join("; ", failed));
    }

    /** A mail server that bounces the mails to some addresses, and remembers each bounce it threw and where. */
    private static final class MailServer implements MailGateway {

        /** The order of each address that bounces. */
        private final Map<String, String> bouncing = new ConcurrentHashMap<>();
        private final AtomicInteger attempts = new AtomicInteger();
        private final Set<String> tried = ConcurrentHashMap.newKeySet();
        private final AtomicInteger delivered = new AtomicInteger();
        private final Map<Throwable, String> bounces = new ConcurrentHashMap<>();

        MailServer(List<Receipt> receipts) {
            BOUNCING.forEach(i -> bouncing.put(receipts.get(i - 1).email(), receipts.get(i - 1).orderId()));
        }

        @Override
        public void deliver(String to, String text) {
            attempts.incrementAndGet();
            tried.add(to);
            if (bouncing.containsKey(to)) {
                MailException bounce = new MailException("550 5.1.1 <" + to + ">: mailbox unavailable");
                bounces.put(bounce, Thread.currentThread().getName());
                throw bounce;
            }
            delivered.incrementAndGet();
        }

        int attempts() {
            return attempts.get();
        }

        int addressesTried() {
            return tried.size();
        }

        int delivered() {
            return delivered.get();
        }

        Set<Throwable> bounces() {
            return bounces.keySet();
        }

        boolean bounced(Throwable error) {
            return bounces.containsKey(error);
        }

        String orderOf(Throwable error) {
            String message = String.valueOf(error.getMessage());
            return bouncing.entrySet().stream().filter(e -> message.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("?");
        }

        String threadOf(Throwable error) {
            return bounces.getOrDefault(error, "an unknown thread");
        }
    }

    /** Everything the application could have heard of: its error reporter, and its threads' last words. */
    private static final class Reports implements ErrorReporter, Thread.UncaughtExceptionHandler {

        private final MailServer server;
        private final List<String> reports = new CopyOnWriteArrayList<>();
        private final AtomicInteger uncaught = new AtomicInteger();
        private final Set<Throwable> viaReporter = ConcurrentHashMap.newKeySet();
        private final Set<Throwable> viaHandler = ConcurrentHashMap.newKeySet();

        Reports(MailServer server) {
            this.server = server;
        }

        @Override
        public void report(String what, Throwable error) {
            reports.add(error == null ? what : what + ": " + error);
            bounceIn(error, viaReporter);
        }

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            uncaught.incrementAndGet();
            bounceIn(error, viaHandler);
        }

        /** Finds the bounce in an exception's cause chain (a report may wrap it). */
        private void bounceIn(Throwable error, Set<Throwable> seen) {
            Throwable cause = error;
            for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
                if (server.bounced(cause)) {
                    seen.add(cause);
                    return;
                }
            }
        }

        int bouncesReported() {
            Set<Throwable> all = ConcurrentHashMap.newKeySet();
            all.addAll(viaReporter);
            all.addAll(viaHandler);
            return all.size();
        }

        int viaReporter() {
            return viaReporter.size();
        }

        int viaHandler() {
            return viaHandler.size();
        }

        String heard() {
            return String.format(Locale.ROOT,
                    "the error reporter was called %d time%s%s; the mail-sender threads' uncaught-exception handler"
                            + " was called %d times",
                    reports.size(), reports.size() == 1 ? "" : "s",
                    reports.isEmpty() ? "" : ": \"" + String.join("\", \"", reports) + "\"", uncaught.get());
        }
    }

    /** The pool handed to the sender: named daemon threads with a handler, and every future it handed out. */
    private static final class WatchedPool extends ThreadPoolExecutor {

        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final List<TrackedTask<?>> futures = new CopyOnWriteArrayList<>();

        WatchedPool(Thread.UncaughtExceptionHandler handler) {
            super(POOL_THREADS, POOL_THREADS, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>());
            AtomicInteger count = new AtomicInteger();
            setThreadFactory(task -> {
                Thread thread = new Thread(task, "mail-sender-" + count.incrementAndGet());
                thread.setDaemon(true);
                thread.setUncaughtExceptionHandler(handler);
                threads.add(thread);
                return thread;
            });
        }

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Runnable runnable, T value) {
            return newTaskFor(Executors.callable(runnable, value));
        }

        @Override
        protected <T> RunnableFuture<T> newTaskFor(Callable<T> callable) {
            TrackedTask<T> task = new TrackedTask<>(callable);
            futures.add(task);
            return task;
        }

        List<TrackedTask<?>> futures() {
            return futures;
        }

        /** Waits for every thread the pool ever started to end. */
        boolean joinThreads(Duration within) throws InterruptedException {
            long deadline = System.nanoTime() + within.toNanos();
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            return threads.stream().noneMatch(Thread::isAlive);
        }
    }

    /** A future that counts how often anyone asked it for its result. */
    private static final class TrackedTask<T> extends FutureTask<T> {

        private final AtomicInteger reads = new AtomicInteger();

        TrackedTask(Callable<T> callable) {
            super(callable);
        }

        @Override
        public T get() throws InterruptedException, ExecutionException {
            reads.incrementAndGet();
            return super.get();
        }

        @Override
        public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
            reads.incrementAndGet();
            return super.get(timeout, unit);
        }

        int reads() {
            return reads.get();
        }
    }
}
