package workbook.poolstarvation;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.Waits;
import workbook.harness.WatchedCall;
import workbook.poolstarvation.Round.Shape;

/**
 * Four month-end runs, in an order drawn for the trial, each on a pool sized for it ({@link Round}): one thread and
 * two reports; twice two or three threads and more reports than threads; four threads and one report of four
 * sections.
 * The month-end thread calls {@code renderAll} and the scenario watches the pool: tasks waiting in its queue while
 * every worker is busy and none has started a task for {@link #QUIET} is a starved pool, the pitfall. A run that ends
 * is checked for every page, in order, each report fetched and each section rendered once, on the pool (or on
 * threads gone by the return), reports and sections at once, a prompt return and the pool left running.
 */
public final class PoolStarvation implements Pitfall<Reports> {

    /** Every worker busy, tasks queued, and none started for this long: the pool serves nobody. */
    static final Duration QUIET = Duration.ofMillis(300);
    /** A right renderAll returns within a millisecond of the last section; this much later is late. */
    static final Duration PROMPT = Duration.ofMillis(200);
    /** How long a run is watched at most: a timed wait of a few seconds is seen to end. */
    static final Duration PATIENCE = Duration.ofSeconds(3);
    static final Duration END_OF_RUN = Duration.ofSeconds(1);
    /** Threads of renderAll's own still alive this long after it returned are left behind. */
    static final Duration OWN_THREADS_END = Duration.ofMillis(200);

    @Override
    public String id() {
        return "pool-starvation";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.HANG;
    }

    /** The scenario interrupts the workers it left waiting and shuts their pool down. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ReportService> subject() {
        return ReportService.class;
    }

    @Override
    public Finding run(Class<? extends Reports> implementation, Trial trial) throws Exception {
        SplittableRandom random = new SplittableRandom(ThreadLocalRandom.current().nextLong());
        // Two shared runs: reports fetched one at a time in both is a fix that serialises them, not a late thread.
        List<Shape> shapes = new ArrayList<>(List.of(Shape.ONE_THREAD, Shape.SHARED, Shape.SHARED, Shape.WIDE));
        for (int i = shapes.size() - 1; i > 0; i--) {
            shapes.set(i, shapes.set(random.nextInt(i + 1), shapes.get(i)));
        }
        Proof proof = new Proof();
        for (Shape shape : shapes) {
            Round round = new Round(shape, random);
            Reports reports = Subjects.create(implementation, round.pool());
            WatchedCall<List<String>> monthEnd = new WatchedCall<>("month-end",
                    () -> reports.renderAll(round.reports()));
            Finding finding = null;
            try {
                monthEnd.start();
                watch(monthEnd, round, trial);
                finding = judge(monthEnd, round, trial);
                if (finding != null) {
                    return finding;
                }
                proof.add(round, monthEnd);
            } finally {
                // A held trial keeps the stuck workers where they wait, for jstack; otherwise end them and the pool.
                if (!(finding != null && !monthEnd.ended() && trial.held())) {
                    end(monthEnd, round.pool());
                }
            }
        }
        if (proof.mostFetchesAtOnce < 2) {
            return trial.notWorking(String.format(Locale.ROOT, "renderAll fetched the reports one at a time, never two"
                    + " at once, even on pools of 2 threads or more: the contract says all at once"),
                    proof.pagesCount());
        }
        if (proof.mostSectionsAtOnce < 2) {
            return trial.notWorking(String.format(Locale.ROOT, "renderAll rendered each report's sections one after"
                    + " another, never two at once, even a report of 4 sections on a pool of 4 threads: the"
                    + " contract says a report's sections at once"), proof.pagesCount());
        }
        return trial.clean(proof.summary(), proof.pagesCount());
    }

    /**
     * Waits until renderAll has ended, or the pool has starved for {@link #QUIET} with no worker in a timed wait,
     * or {@link #PATIENCE} is out (a timed wait may end by itself meanwhile).
     */
    private static void watch(WatchedCall<List<String>> monthEnd, Round round, Trial trial)
            throws InterruptedException {
        long end = System.nanoTime() + Math.min(PATIENCE.toNanos(), Math.max(0, trial.remaining().toNanos()));
        while (!monthEnd.ended() && System.nanoTime() < end) {
            if (round.pool().starvedFor(QUIET.toNanos())) {
                round.starved(round.pool().nanosSinceLastStart());
                if (round.pool().workers().stream()
                        .noneMatch(worker -> worker.getState() == Thread.State.TIMED_WAITING)) {
                    return;
                }
            }
            Thread.sleep(1);
        }
    }

    private static Finding judge(WatchedCall<List<String>> monthEnd, Round round, Trial trial)
            throws InterruptedException {
        if (!monthEnd.ended()) {
            return stillWaiting(monthEnd, round, trial);
        }
        List<ScriptedReport> reports = round.scripted();
        if (monthEnd.thrown() != null) {
            return trial.notWorking(String.format(Locale.ROOT, "renderAll threw %s%s. The contract says it returns"
                    + " every page", monthEnd.thrown(),
                    round.longestStarved() == 0
                            ? ""
                            : String.format(Locale.ROOT, ", after its pool had started no task for %,d ms while"
                                    + " tasks waited in the queue: the workers waited, with a timeout, for tasks"
                                    + " queued behind them", TimeUnit.NANOSECONDS.toMillis(round.longestStarved()))),
                    pagesCount(round, null),
                    new Evidence.Threads("What renderAll threw",
                            List.of(ThreadViews.thrown("month-end", monthEnd.thrown()))));
        }
        List<String> pages = monthEnd.result();
        if (pages == null || pages.size() != reports.size()) {
            return trial.notWorking(String.format(Locale.ROOT, "renderAll returned %s for %d reports",
                    pages == null ? "null" : pages.size() + " pages", reports.size()), pagesCount(round, pages));
        }
        for (int i = 0; i < reports.size(); i++) {
            if (!reports.get(i).expectedPage().equals(pages.get(i))) {
                return trial.notWorking(String.format(Locale.ROOT, "page %d of %d is not the report \"%s\" with its"
                        + " %d sections in order:%n%s%nwhere it should be:%n%s", i + 1, reports.size(),
                        reports.get(i).title(), reports.get(i).parts().size(), pages.get(i),
                        reports.get(i).expectedPage()), pagesCount(round, pages));
            }
        }
        Finding work = workDone(round, trial);
        if (work != null) {
            return work;
        }
        if (round.pool().isShutdown()) {
            return trial.notWorking("renderAll shut down the executor it was given: the contract says it leaves it"
                    + " running, as others use it");
        }
        long after = TimeUnit.NANOSECONDS.toMillis(monthEnd.endedAt() - round.lastEndedAt());
        if (after > PROMPT.toMillis()) {
            return trial.notWorking(String.format(Locale.ROOT, "renderAll returned %,d ms after the last section was"
                    + " rendered (a right one takes a millisecond): it waited for something other than the work, a"
                    + " timeout or a sleep", after));
        }
        return null;
    }

    /** Every report fetched once on the pool, every section rendered once, on the pool or on threads now gone. */
    private static Finding workDone(Round round, Trial trial) throws InterruptedException {
        Set<Thread> own = new LinkedHashSet<>();
        for (ScriptedReport report : round.scripted()) {
            if (report.fetches() != 1) {
                return trial.notWorking(String.format(Locale.ROOT, "the report \"%s\" was fetched %d times in one"
                        + " renderAll: the contract says once", report.title(), report.fetches()));
            }
            if (!ReportPool.isWorker(report.fetchedOn())) {
                return trial.notWorking(String.format(Locale.ROOT, "the report \"%s\" was fetched on %s, not on the"
                        + " executor given (reports-1 to reports-%d): the contract says the reports run there",
                        report.title(), name(report.fetchedOn()), round.pool().getMaximumPoolSize()));
            }
            for (ScriptedReport.Part part : report.parts()) {
                if (part.renders() != 1) {
                    return trial.notWorking(String.format(Locale.ROOT, "section %d of \"%s\" was rendered %d times"
                            + " in one renderAll: the contract says once", part.number(), report.title(),
                            part.renders()));
                }
                if (!ReportPool.isWorker(part.renderedOn()) && part.renderedOn() != round.pool().workers().get(0)) {
                    own.add(part.renderedOn());
                }
            }
        }
        Waits.until(() -> own.stream().noneMatch(Thread::isAlive), OWN_THREADS_END);
        List<String> alive = own.stream().filter(Thread::isAlive).map(PoolStarvation::name).distinct().toList();
        if (!alive.isEmpty()) {
            return trial.notWorking(String.format(Locale.ROOT, "renderAll rendered sections on %s, still alive %d ms"
                    + " after it returned: not the executor given, nor threads of its own that it ended (a pool"
                    + " shared with the whole JVM, or one nobody shuts down)", String.join(", ", alive),
                    OWN_THREADS_END.toMillis()));
        }
        return null;
    }

    /** renderAll has not ended: a starved pool (the pitfall), or a wait for something that never comes. */
    private static Finding stillWaiting(WatchedCall<List<String>> monthEnd, Round round, Trial trial) {
        ReportPool pool = round.pool();
        List<Thread> workers = pool.workers();
        List<Evidence.ThreadView> views = ThreadViews.of(workers.stream().map(Thread::threadId).toList(),
                trial.lockNames()).stream().map(PoolStarvation::withoutScenarioFrames).toList();
        List<Evidence.ThreadView> caller = ThreadViews.of(List.of(monthEnd.thread().threadId()), trial.lockNames())
                .stream().map(PoolStarvation::withoutScenarioFrames).toList();
        String names = workers.stream().map(Thread::getName).collect(Collectors.joining(", "));
        if (!pool.starvedFor(QUIET.toNanos())) {
            return trial.notWorking(String.format(Locale.ROOT, "renderAll has not returned after %,d ms, though no"
                    + " task of the pool waits to run (%d queued, %d of %d workers busy)%s", PATIENCE.toMillis(),
                    pool.getQueue().size(), pool.getActiveCount(), workers.size(),
                    round.allDone() ? ": every report and section was done" : ""),
                    new Evidence.Threads("The month-end thread", caller),
                    new Evidence.Threads("The pool's workers", views));
        }
        boolean timed = views.stream().anyMatch(view -> view.state().equals("TIMED_WAITING"));
        boolean eachWaitsForItsOwn = workers.stream().allMatch(worker -> pool.queuedBy(worker) > 0);
        long since = TimeUnit.NANOSECONDS.toMillis(pool.nanosSinceLastStart());
        String summary = eachWaitsForItsOwn
                ? String.format(Locale.ROOT, "renderAll has not returned, and %s: %s of the pool (%s) %s"
                        + " queued in that same pool, %d tasks sit in its queue, and none has started for %,d ms."
                        + " Every worker waits for a task that only a worker can run",
                        timed ? "will not until a timeout" : "never will", workers.size() == 1
                                ? "the only worker"
                                : workers.size() == 2 ? "both workers" : "all " + workers.size() + " workers",
                        names, workers.size() == 1 ? "waits for tasks it" : "each wait for tasks they",
                        pool.getQueue().size(), since)
                : String.format(Locale.ROOT, "renderAll has not returned: all %d workers of the pool (%s) are busy,"
                        + " %d tasks sit in its queue, and none has started for %,d ms", workers.size(), names,
                        pool.getQueue().size(), since);
        List<String> queue = new ArrayList<>(pool.queueByWhoQueued());
        for (Thread worker : workers) {
            if (pool.renderingOn(worker) != null) {
                queue.add(String.format(Locale.ROOT, "%s renders \"%s\": %d of the queued tasks are its sections",
                        worker.getName(), pool.renderingOn(worker), pool.queuedBy(worker)));
            }
        }
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        return trial.reproduced(FailureKind.HANG, summary,
                new Evidence.Threads(timed
                        ? "The pool's workers, waiting until their timeout"
                        : "The pool's workers, waiting for good", views),
                new Evidence.Note("The pool's queue, oldest first:\n" + String.join("\n", queue)),
                new Evidence.Threads("The month-end thread, waiting for the pages", caller),
                new Evidence.Note(
                        "ThreadMXBean.findDeadlockedThreads() (jstack's deadlock section): " + (deadlocked == null
                                ? "no deadlock. No thread holds a lock another wants: a pool starved by its own"
                                        + " tasks shows only in its workers' stacks and its queue"
                                : deadlocked.length + " threads")));
    }

    /**
     * The stack down to the pool's own loop (or the month-end thread's call), as in production: the wrapper the
     * scenario's pool puts around each task, and the scenario's own frames, are left out.
     */
    private static Evidence.ThreadView withoutScenarioFrames(Evidence.ThreadView view) {
        List<String> stack = new ArrayList<>();
        for (String frame : view.stack()) {
            if (frame.contains("workbook.poolstarvation.PoolStarvation")) {
                break;
            }
            if (!frame.contains("workbook.poolstarvation.ReportPool$Queued")) {
                stack.add(frame);
            }
            if (frame.contains("ThreadPoolExecutor.runWorker")) {
                break;
            }
        }
        return new Evidence.ThreadView(view.name(), view.state(), view.waitingOn(), view.ownedBy(), view.holds(),
                stack);
    }

    private static void end(WatchedCall<List<String>> monthEnd, ReportPool pool) throws InterruptedException {
        if (!monthEnd.ended()) {
            monthEnd.thread().interrupt();
        }
        pool.shutdownNow();
        monthEnd.thread().join(END_OF_RUN.toMillis());
        pool.awaitTermination(END_OF_RUN.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static String name(Thread thread) {
        if (thread == null) {
            return "no thread";
        }
        return thread.isVirtual()
                ? (thread.getName().isEmpty() ? "#" + thread.threadId() : thread.getName()) + " (virtual)"
                : thread.getName();
    }

    private static Count pagesCount(Round round, List<String> pages) {
        long right = 0;
        for (int i = 0; pages != null && i < Math.min(pages.size(), round.scripted().size()); i++) {
            right += round.scripted().get(i).expectedPage().equals(pages.get(i)) ? 1 : 0;
        }
        return new Count("pages rendered right", round.scripted().size(), right);
    }

    /** What the runs that went right showed, for the CLEAN verdict. */
    private static final class Proof {
        final List<Integer> poolSizes = new ArrayList<>();
        int reports;
        int sections;
        int mostFetchesAtOnce;
        int mostSectionsAtOnce;
        long slowestReturn;

        void add(Round round, WatchedCall<List<String>> monthEnd) {
            poolSizes.add(round.pool().getMaximumPoolSize());
            reports += round.scripted().size();
            sections += round.sections();
            mostFetchesAtOnce = Math.max(mostFetchesAtOnce, round.mostFetchesAtOnce());
            round.scripted().forEach(r -> mostSectionsAtOnce = Math.max(mostSectionsAtOnce, r.mostSectionsAtOnce()));
            slowestReturn = Math.max(slowestReturn, monthEnd.endedAt() - round.lastEndedAt());
        }

        Count pagesCount() {
            return new Count("pages rendered right", reports, reports);
        }

        String summary() {
            return String.format(Locale.ROOT, "in %d month-end runs, on pools of %s threads, renderAll rendered %d"
                    + " reports and their %d sections, each once, up to %d reports and %d sections of one report at"
                    + " once, the one-thread pool included; it returned every page in order within %d ms of the last"
                    + " section, and left the pool running", poolSizes.size(),
                    poolSizes.stream().map(String::valueOf).collect(Collectors.joining(", ")), reports, sections,
                    mostFetchesAtOnce, mostSectionsAtOnce,
                    Math.max(1, TimeUnit.NANOSECONDS.toMillis(slowestReturn)));
        }
    }
}
