package workbook.fireandforgetexception;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RunnableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.CallerThread;
import workbook.harness.Delays;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;
import workbook.harness.Waits;

/**
 * Sends a batch of receipts on a pool the scenario owns, to a mail server that bounces three of them (which three, and
 * which receipt has no address, changes with every trial). The mail server holds each answer until {@code sendAll()}
 * has returned, or for 400-1,200 ms (drawn anew for every mail), so a sender that waits for it is seen waiting. When
 * every task has run (the pool is shut down and its threads joined), the scenario counts the bounces reported, with
 * their exception, anywhere it can see: the error reporter, and the uncaught-exception handler of the pool's threads.
 * The pool also keeps every {@code Future} that {@code submit()} handed out, so the scenario can show where the
 * exceptions went instead.
 */
public final class FireAndForgetException implements Pitfall<ReceiptSender> {

    static final int RECEIPTS = 10;
    static final int BOUNCES = 3;
    static final int POOL_THREADS = 2;
    static final Duration LIMIT = Duration.ofSeconds(2);
    /** How long after the last task a report made on some other thread may still come in. */
    static final Duration LATE_REPORTS = Duration.ofMillis(200);
    /** How long the mail server holds an answer while sendAll() has not returned: drawn anew for every mail. */
    static final Duration HOLD_MIN = Duration.ofMillis(400);
    static final Duration HOLD_MAX = Duration.ofMillis(1200);
    /** How long the mail server takes to answer once it answers: drawn anew for every mail. */
    static final Duration SERVER_TIME = Duration.ofMillis(40);

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
        Receipt noAddress = receipts.stream().filter(r -> r.email().isBlank()).findFirst().orElseThrow();
        MailServer server = new MailServer(bouncing(receipts));
        Reports reports = new Reports(server);
        WatchedPool pool = new WatchedPool(reports);
        CallerThread checkout = new CallerThread();
        try {
            ReceiptSender sender = Subjects.create(implementation, pool, server, reports);
            CallerThread.Returned call = checkout.timed("sendAll()", LIMIT, () -> sender.sendAll(receipts),
                    trial.lockNames());
            int answeredEarly = server.answered();
            server.checkoutReturned();
            if (!call.ok()) {
                return call.problem().contains("did not return") && answeredEarly > 0
                        ? trial.notWorking(String.format(Locale.ROOT,
                                "%s, and the mail server answered %d receipt%s while it waited; the contract says"
                                        + " sendAll() returns at once, and the mails go out in the background",
                                call.problem(), answeredEarly, answeredEarly == 1 ? "" : "s"),
                                call.evidence().toArray(Evidence[]::new))
                        : call.notWorking(trial);
            }
            if (answeredEarly > 0) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "sendAll() kept its caller for %,d ms, until the mail server had answered %d receipt%s; the"
                                + " contract says sendAll() returns at once, and the mails go out in the background",
                        call.millis(), answeredEarly, answeredEarly == 1 ? "" : "s"),
                        new Evidence.Note("the mail server answers a receipt once sendAll() has returned, or after"
                                + " holding it for 400 to 1,200 ms: an answer before sendAll() returned means"
                                + " sendAll() waited at least that long"));
            }
            // Let every task run to its end; a thread's uncaught-exception handler has run once the thread is gone.
            pool.shutdown();
            boolean finished = pool.awaitTermination(LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                    && pool.joinThreads(LIMIT);
            int deliverable = RECEIPTS - 1;
            Waits.until(() -> server.addressesTried() >= deliverable, LIMIT);
            Waits.until(() -> reports.bouncesReported() >= BOUNCES, LATE_REPORTS);

            if (server.addressesTried() < deliverable) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "only %d of the %d receipts with an address reached the mail server within %,d ms",
                        server.addressesTried(), deliverable, LIMIT.toMillis()),
                        new Count("receipts handed to the mail server", deliverable, server.addressesTried()));
            }
            if (!finished) {
                return trial.notWorking("the mail tasks were still running " + LIMIT.toMillis()
                        + " ms after sendAll() returned, although the mail server then answers within "
                        + SERVER_TIME.toMillis() + " ms");
            }
            List<String> offPool = server.sentOffPool(pool.threadNames());
            if (!offPool.isEmpty()) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "%d of the %d receipts (order%s %s) went to the mail server on %s, not on the executor the"
                                + " sender was given (%s); the contract says the mails go out on that executor",
                        offPool.size(), deliverable, offPool.size() == 1 ? "" : "s", String.join(", ", offPool),
                        String.join(", ", server.threadsOffPool(pool.threadNames())),
                        pool.threadNames().isEmpty()
                                ? "it never started a thread"
                                : "its threads: " + String.join(", ", pool.threadNames())));
            }
            List<String> twice = server.deliveredMoreThanOnce();
            if (!twice.isEmpty()) {
                return trial.notWorking("receipts were mailed more than once: " + String.join("; ", twice)
                        + "; each customer should get one receipt");
            }
            if (!reports.mentions(noAddress.orderId())) {
                return trial.notWorking("order " + noAddress.orderId()
                        + " has no e-mail address, and no report names it; the contract says every receipt that"
                        + " cannot be sent is reported", new Evidence.Note(reports.heard()));
            }
            int bounced = server.bounces().size();
            int reported = reports.bouncesReported();
            if (reported == bounced) {
                return trial.clean(String.format(Locale.ROOT,
                        "%d receipts reached the mail server: %d delivered, and all %d that bounced were reported"
                                + " with their exception (%d to the error reporter, %d to the threads'"
                                + " uncaught-exception handler)",
                        server.attempts(), server.delivered(), bounced, reports.viaReporter(), reports.viaHandler()),
                        new Count("bounces reported with their exception", bounced, reported));
            }
            List<String> bare = reports.bouncedOrdersReportedBare();
            String withoutException = bare.isEmpty()
                    ? ""
                    : String.format(Locale.ROOT,
                            "; %d report%s name%s a bounced order (%s) but carr%s no exception, so the mail server's"
                                    + " reason is lost",
                            bare.size(), bare.size() == 1 ? "" : "s", bare.size() == 1 ? "s" : "",
                            String.join(", ", bare), bare.size() == 1 ? "ies" : "y");
            return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT,
                    "%d of %d receipts bounced on the mail-sender threads, and %d of the %d failures were reported"
                            + " with their exception anywhere (error reporter, uncaught-exception handler)%s",
                    bounced, server.attempts(), reported, bounced, withoutException),
                    new Count("bounces reported with their exception", bounced, reported),
                    new Evidence.Note(whereTheyWent(pool.futures(), server)), new Evidence.Note(reports.heard()));
        } finally {
            server.checkoutReturned();
            checkout.close();
            pool.shutdownNow();
            pool.joinThreads(LIMIT);
        }
    }

    /** Ten receipts; one, at a place drawn for this trial, has no address. */
    private static List<Receipt> receipts() {
        int noAddress = ThreadLocalRandom.current().nextInt(RECEIPTS);
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < RECEIPTS; i++) {
            String order = String.valueOf(1001 + i);
            String email = i == noAddress ? "" : "customer-" + order + "@example.com";
            receipts.add(new Receipt(order, email, "Order " + order + ": " + (i + 1) + " items"));
        }
        return receipts;
    }

    /** Three receipts with an address, drawn for this trial, whose mailboxes bounce. */
    private static List<Receipt> bouncing(List<Receipt> receipts) {
        List<Receipt> addressed = new ArrayList<>(receipts.stream().filter(r -> !r.email().isBlank()).toList());
        Collections.shuffle(addressed, ThreadLocalRandom.current());
        return addressed.subList(0, BOUNCES);
    }

    /** The futures as the pool kept them: what submit() returned, who read them, and the exceptions inside. */
    private static String whereTheyWent(List<TrackedTask<?>> futures, MailServer server) {
        if (futures.isEmpty()) {
            return "submit() was never called: the tasks went to execute() (as CompletableFuture.runAsync() does),"
                    + " and no exception escaped them into the pool's threads";
        }
        long read = futures.stream().filter(f -> f.reads() > 0).count();
        List<String> failed = new ArrayList<>();
        for (TrackedTask<?> future : futures) {
            if (future.state() == Future.State.FAILED) {
                Throwable error = future.exceptionNow();
                failed.add("the future of order " + server.orderOf(error) + " holds " + error + " (thrown on "
                        + server.threadOf(error) + ")");
            }
        }
        String held = failed.isEmpty()
                ? "none of them holds an exception"
                : failed.size() + " hold the exception: " + String.join("; ", failed);
        return String.format(Locale.ROOT, "submit() returned %d futures, and %d of them were ever read with get(); %s",
                futures.size(), read, held);
    }

    /**
     * A mail server that bounces the mails to some addresses and remembers each bounce it threw and where. It holds
     * every answer until checkout has moved on (sendAll() returned), or for a while, and counts the answers it gave
     * before that.
     */
    private static final class MailServer implements MailGateway {

        /** The order of each address that bounces. */
        private final Map<String, String> bouncing = new ConcurrentHashMap<>();
        private final CountDownLatch checkoutReturned = new CountDownLatch(1);
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger attempts = new AtomicInteger();
        /** Each address tried, with the threads it was tried on. */
        private final Map<String, List<String>> tried = new ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        private final Map<Throwable, String> bounces = new ConcurrentHashMap<>();

        MailServer(List<Receipt> bouncing) {
            bouncing.forEach(r -> this.bouncing.put(r.email(), r.orderId()));
        }

        @Override
        public void deliver(String to, String text) {
            attempts.incrementAndGet();
            tried.computeIfAbsent(to, a -> new CopyOnWriteArrayList<>()).add(Thread.currentThread().getName());
            try {
                if (!checkoutReturned.await(Delays.between(HOLD_MIN, HOLD_MAX).toMillis(), TimeUnit.MILLISECONDS)) {
                    answered.incrementAndGet();
                }
                Thread.sleep(Delays.between(Duration.ofMillis(1), SERVER_TIME).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (bouncing.containsKey(to)) {
                MailException bounce = new MailException("550 5.1.1 <" + to + ">: mailbox unavailable");
                bounces.put(bounce, Thread.currentThread().getName());
                throw bounce;
            }
            deliveries.computeIfAbsent(to, a -> new AtomicInteger()).incrementAndGet();
        }

        /** From now on the server answers at once. */
        void checkoutReturned() {
            checkoutReturned.countDown();
        }

        /** Answers given so far while checkout was still waiting for sendAll(). */
        int answered() {
            return answered.get();
        }

        int attempts() {
            return attempts.get();
        }

        int addressesTried() {
            return tried.size();
        }

        int delivered() {
            return deliveries.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        /** The orders handed to the mail server on a thread that is not one of {@code poolThreads}. */
        List<String> sentOffPool(Set<String> poolThreads) {
            return tried.entrySet().stream().filter(e -> !poolThreads.containsAll(e.getValue()))
                    .map(e -> orderOfAddress(e.getKey())).sorted().toList();
        }

        /** The threads, not one of {@code poolThreads}, that handed mails to the server. */
        Set<String> threadsOffPool(Set<String> poolThreads) {
            Set<String> names = new TreeSet<>();
            tried.values().forEach(names::addAll);
            names.removeAll(poolThreads);
            return names;
        }

        List<String> deliveredMoreThanOnce() {
            return deliveries.entrySet().stream().filter(e -> e.getValue().get() > 1).sorted(
                    Map.Entry.comparingByKey()).map(
                            e -> "order " + orderOfAddress(e.getKey()) + " "
                                    + e.getValue().get() + " times")
                    .toList();
        }

        Set<Throwable> bounces() {
            return bounces.keySet();
        }

        boolean bounced(Throwable error) {
            return bounces.containsKey(error);
        }

        Map<String, String> bouncingOrders() {
            return bouncing;
        }

        String orderOf(Throwable error) {
            String message = String.valueOf(error.getMessage());
            return bouncing.entrySet().stream().filter(e -> message.contains(e.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse("?");
        }

        private static String orderOfAddress(String address) {
            return address.replace("customer-", "").replace("@example.com", "");
        }

        String threadOf(Throwable error) {
            return bounces.getOrDefault(error, "an unknown thread");
        }
    }

    /** Everything the application could have heard of: its error reporter, and its threads' last words. */
    private static final class Reports implements ErrorReporter, Thread.UncaughtExceptionHandler {

        private final MailServer server;
        private final List<String> reports = new CopyOnWriteArrayList<>();
        /** What each report said, and whether it carried a bounce. */
        private final Map<String, Boolean> carried = new ConcurrentHashMap<>();
        private final AtomicInteger uncaught = new AtomicInteger();
        private final Set<Throwable> viaReporter = ConcurrentHashMap.newKeySet();
        private final Set<Throwable> viaHandler = ConcurrentHashMap.newKeySet();

        Reports(MailServer server) {
            this.server = server;
        }

        @Override
        public void report(String what, Throwable error) {
            reports.add(error == null ? what : what + ": " + error);
            boolean bounce = bounceIn(error, viaReporter);
            carried.merge(String.valueOf(what), bounce, Boolean::logicalOr);
        }

        @Override
        public void uncaughtException(Thread thread, Throwable error) {
            uncaught.incrementAndGet();
            bounceIn(error, viaHandler);
        }

        /** Finds the bounce in an exception's cause chain (a report may wrap it). */
        private boolean bounceIn(Throwable error, Set<Throwable> seen) {
            Throwable cause = error;
            for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
                if (server.bounced(cause)) {
                    seen.add(cause);
                    return true;
                }
            }
            return false;
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

        /** Whether a report names the order. */
        boolean mentions(String order) {
            return reports.stream().anyMatch(r -> r.contains(order));
        }

        /** The bounced orders that a report names without carrying the bounce. */
        List<String> bouncedOrdersReportedBare() {
            return server.bouncingOrders().entrySet().stream()
                    .filter(e -> carried.entrySet().stream().anyMatch(r -> !r.getValue()
                            && (r.getKey().contains(e.getValue()) || r.getKey().contains(e.getKey()))))
                    .map(Map.Entry::getValue).sorted().toList();
        }

        String heard() {
            return String.format(Locale.ROOT,
                    "the error reporter was called %d time%s%s; the mail-sender threads' uncaught-exception handler"
                            + " was called %d time%s",
                    reports.size(), reports.size() == 1 ? "" : "s",
                    reports.isEmpty() ? "" : ": \"" + String.join("\", \"", reports) + "\"", uncaught.get(),
                    uncaught.get() == 1 ? "" : "s");
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

        Set<String> threadNames() {
            Set<String> names = new TreeSet<>();
            threads.forEach(t -> names.add(t.getName()));
            return names;
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
