package workbook.silentscheduleddeath;

import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Future;
import java.util.concurrent.RunnableScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.CallerThread;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;
import workbook.harness.Waits;

/**
 * Starts the cache on a one-thread scheduler the scenario owns, with a period of 10 ms, and a price feed whose third
 * fetch fails. The scheduler keeps the futures of the periodic tasks it runs, so the scenario sees the moment a
 * periodic task is dead instead of guessing from silence; it then watches ten more periods to show that no fetch
 * comes. A cache that keeps fetching must also have reported the failure and serve a price fetched after it.
 */
public final class SilentScheduledDeath implements Pitfall<PriceCache> {

    static final Duration PERIOD = Duration.ofMillis(10);
    static final int FAILING_FETCH = 3;
    static final int FETCHES_AFTER = 3;
    static final Duration PATIENCE = Duration.ofSeconds(2);
    /** How long the scenario watches a dead task, to show that nothing more comes. */
    static final Duration SILENCE = PERIOD.multipliedBy(10);
    static final String SKU = "sku-42";
    /** Fetch #n says the price is {@code BASE_PRICE + n} cents, so a price tells which fetch it came from. */
    static final long BASE_PRICE = 1_000;
    static final int MAX_EVENTS = 10;

    @Override
    public String id() {
        return "silent-scheduled-death";
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
    public Class<PriceRefresher> subject() {
        return PriceRefresher.class;
    }

    @Override
    public Finding run(Class<? extends PriceCache> implementation, Trial trial) throws Exception {
        Events events = new Events(System.nanoTime());
        FlakyFeed feed = new FlakyFeed(events);
        Reports reports = new Reports(feed);
        WatchedScheduler scheduler = new WatchedScheduler();
        CallerThread caller = new CallerThread();
        try {
            PriceCache cache = Subjects.create(implementation, scheduler, feed, reports, PERIOD);
            Optional<String> failed = caller.call("start()", PATIENCE, cache::start);
            if (failed.isPresent()) {
                return trial.notWorking(failed.get());
            }
            if (!Waits.until(() -> feed.fetches() >= FAILING_FETCH, PATIENCE)) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "the cache fetched prices %d times in the %,d ms after start(); every %d ms, it should have"
                                + " fetched %d times",
                        feed.fetches(), PATIENCE.toMillis(), PERIOD.toMillis(), FAILING_FETCH),
                        events.timeline("What happened"));
            }
            int enough = FAILING_FETCH + FETCHES_AFTER;
            Waits.until(() -> feed.fetches() >= enough || scheduler.periodicTasksDead(), PATIENCE);
            if (feed.fetches() < enough && scheduler.periodicTasksDead()) {
                events.addAsWorkbook("scheduleAtFixedRate()'s future: isDone() = true");
                // The task is dead: watch a few more periods all the same, to show that no fetch comes.
                Waits.until(() -> feed.fetches() >= enough, SILENCE);
            }
            Long[] price = new Long[1];
            failed = caller.call("price()", PATIENCE, () -> price[0] = cache.price(SKU));
            if (failed.isPresent()) {
                return trial.notWorking(failed.get());
            }
            int after = feed.fetches() - FAILING_FETCH;
            if (feed.fetches() < enough && scheduler.periodicTasksAlive()) {
                return trial.inconclusive(String.format(Locale.ROOT,
                        "the refresh task is still scheduled, but it fetched only %d times in the %,d ms after the"
                                + " failure: this machine is too busy to tell whether it stopped",
                        after, PATIENCE.toMillis()), events.timeline("The fetches"));
            }
            if (feed.fetches() < enough) {
                events.addAsWorkbook(String.format(Locale.ROOT, "no fetch since #%d; price(\"%s\") = %s",
                        FAILING_FETCH, SKU, price[0]));
                return stopped(trial, feed, reports, scheduler, events, price[0], after);
            }
            if (!reports.failureReported()) {
                return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT,
                        "the cache went on fetching (%d fetches after #%d), but the failure of fetch #%d was reported"
                                + " nowhere",
                        after, FAILING_FETCH, FAILING_FETCH), new Count("failures reported", 1, 0),
                        events.timeline("The fetches"));
            }
            long fresh = BASE_PRICE + FAILING_FETCH;
            Waits.until(() -> {
                Long now = cache.price(SKU);
                return now != null && now > fresh;
            }, PATIENCE);
            Long latest = cache.price(SKU);
            if (latest == null || latest <= fresh) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "the cache fetched %d more times after the failure, yet price(\"%s\") still says %s", after,
                        SKU, latest), events.timeline("The fetches"));
            }
            return trial.clean(String.format(Locale.ROOT,
                    "fetch #%d failed and was reported; the cache fetched %d more times and serves price(\"%s\") ="
                            + " %d cents, from fetch #%d",
                    FAILING_FETCH, after, SKU, latest, latest - BASE_PRICE),
                    new Count("fetches after the failure", FETCHES_AFTER, after), new Count("failures reported", 1, 1),
                    events.timeline("The fetches"));
        } finally {
            caller.close();
            scheduler.shutdownNow();
        }
    }

    /** The periodic task is dead, or at least silent: the evidence of it. */
    private static Finding stopped(Trial trial, FlakyFeed feed, Reports reports, WatchedScheduler scheduler,
            Events events, Long price, int after) {
        long silentMillis = Duration.ofNanos(System.nanoTime() - feed.failedAt()).toMillis();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(events.timeline("The fetches, every " + PERIOD.toMillis() + " ms until one failed"));
        evidence.add(new Count("fetches after the failure", FETCHES_AFTER, after));
        evidence.add(new Count("failures reported", 1, reports.failureReported() ? 1 : 0));
        scheduler.deadTask().ifPresent(task -> evidence.add(new Evidence.Note(
                "the exception is kept in the ScheduledFuture that scheduleAtFixedRate() returned and nobody reads:"
                        + " state() = " + task.state() + ", exceptionNow() = " + exceptionOf(task))));
        evidence.add(new Evidence.Note(String.format(Locale.ROOT,
                "price(\"%s\") still answers %s cents, the price from fetch #%d: stale, and nothing says so",
                SKU, price, price == null ? 0 : price - BASE_PRICE)));
        return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT,
                "fetch #%d threw %s, and the prices were never fetched again: no fetch in the %,d ms (%d periods)"
                        + " since, and %s",
                FAILING_FETCH, feed.failure(), silentMillis, silentMillis / PERIOD.toMillis(),
                reports.count() == 0 ? "nothing reported" : reports.count() + " reports, none about it"),
                evidence.toArray(Evidence[]::new));
    }

    private static String exceptionOf(Future<?> task) {
        return task.state() == Future.State.FAILED ? String.valueOf(task.exceptionNow()) : "none";
    }

    /** A price feed whose third fetch times out; the others answer at once. */
    private static final class FlakyFeed implements PriceFeed {

        private final Events events;
        private final AtomicInteger fetches = new AtomicInteger();
        private volatile RuntimeException failure;
        private volatile long failedAt;

        FlakyFeed(Events events) {
            this.events = events;
        }

        @Override
        public Map<String, Long> fetchPrices() {
            int fetch = fetches.incrementAndGet();
            if (fetch == FAILING_FETCH) {
                RuntimeException timeout = new UncheckedIOException(new SocketTimeoutException("Read timed out"));
                failedAt = System.nanoTime();
                failure = timeout;
                events.add("fetchPrices() #" + fetch + " threw " + timeout);
                throw timeout;
            }
            events.add("fetchPrices() #" + fetch + " -> " + SKU + " = " + (BASE_PRICE + fetch) + " cents");
            return Map.of(SKU, BASE_PRICE + fetch);
        }

        int fetches() {
            return fetches.get();
        }

        RuntimeException failure() {
            return failure;
        }

        long failedAt() {
            return failedAt;
        }
    }

    /** The error reporter: counts the reports, and whether one of them carried the feed's failure. */
    private static final class Reports implements ErrorReporter {

        private final FlakyFeed feed;
        private final AtomicInteger count = new AtomicInteger();
        private volatile boolean failureReported;

        Reports(FlakyFeed feed) {
            this.feed = feed;
        }

        @Override
        public void report(String what, Throwable error) {
            count.incrementAndGet();
            Throwable cause = error;
            for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
                if (cause == feed.failure()) {
                    failureReported = true;
                }
            }
        }

        int count() {
            return count.get();
        }

        boolean failureReported() {
            return failureReported;
        }
    }

    /** A one-thread scheduler that keeps the futures of its periodic tasks. */
    private static final class WatchedScheduler extends ScheduledThreadPoolExecutor {

        private final List<RunnableScheduledFuture<?>> periodic = new CopyOnWriteArrayList<>();

        WatchedScheduler() {
            super(1, new NamedThreads("price-refresh"));
        }

        @Override
        protected <V> RunnableScheduledFuture<V> decorateTask(Runnable runnable, RunnableScheduledFuture<V> task) {
            if (task.isPeriodic()) {
                periodic.add(task);
            }
            return task;
        }

        /** Whether periodic tasks were scheduled here and none of them will run again. */
        boolean periodicTasksDead() {
            return !periodic.isEmpty() && periodic.stream().allMatch(Future::isDone);
        }

        /** Whether a periodic task was scheduled here and will run again. */
        boolean periodicTasksAlive() {
            return periodic.stream().anyMatch(task -> !task.isDone());
        }

        Optional<RunnableScheduledFuture<?>> deadTask() {
            return periodic.stream().filter(Future::isDone).findFirst();
        }
    }

    /** Daemon threads named {@code role-1, role-2, ...}: the names a learner sees in the timeline. */
    private static final class NamedThreads implements ThreadFactory {

        private final String role;
        private final AtomicInteger count = new AtomicInteger();

        NamedThreads(String role) {
            this.role = role;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }

    /** A timeline of what the feed and the scenario saw, in milliseconds from the start of the scenario. */
    private static final class Events {

        private final long origin;
        private final List<Event> events = new ArrayList<>();

        Events(long origin) {
            this.origin = origin;
        }

        /** Something the code under test did, on the current thread. */
        void add(String what) {
            add(Thread.currentThread().getName(), what);
        }

        /** Something the scenario observed. */
        void addAsWorkbook(String what) {
            add("workbook", what);
        }

        private void add(String thread, String what) {
            synchronized (events) {
                if (events.size() < MAX_EVENTS) {
                    events.add(new Event(Duration.ofNanos(System.nanoTime() - origin).toMillis(), thread, what));
                }
            }
        }

        Evidence.Timeline timeline(String caption) {
            synchronized (events) {
                return new Evidence.Timeline(caption, events);
            }
        }
    }
}
