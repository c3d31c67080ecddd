package workbook.cancelthatdoesnt;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import workbook.harness.CancellationProbe;
import workbook.harness.Evidence;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.NamedPool;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.ThreadViews;
import workbook.harness.Trial;
import workbook.harness.Waits;

/**
 * Three rounds of two exports running side by side on the exporter's executor: one the user cancels with
 * {@code cancel(true)}, after a drawn number of pages in the first two rounds and during its last page (a longer one)
 * in the third; one nobody cancels. A cancelled export that renders on, page after page, and stores its file is the
 * pitfall. Otherwise the cancelled one must stop within a page and store nothing, the other must store all its pages
 * once, {@code start} must return at once, and the executor stay open.
 */
public final class CancelThatDoesnt implements Pitfall<Exports> {

    static final int ROUNDS = 3;
    /** Pages begun after the cancel that make an export one that went on (the page under way may finish). */
    static final int PAGES_AFTER = 2;
    /** Pages are at most 5 ms: an export that begins none in this long after its cancel has stopped. */
    static final Duration STOPPED_AFTER = Duration.ofMillis(60);
    /** How long {@code start} may take: handing the export over, not doing it. */
    static final Duration START_LIMIT = Duration.ofMillis(50);
    static final Duration PATIENCE = Duration.ofSeconds(2);
    /** The last page of the export cancelled during it: long enough that the cancel lands while it renders. */
    static final Duration LAST_PAGE = Duration.ofMillis(40);

    private static final List<String> REPORTS = List.of("Q3 sales", "Stock by warehouse", "Refunds", "Payroll",
            "Open orders", "Churn by region");

    @Override
    public String id() {
        return "cancel-that-doesnt";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LOST_CANCEL;
    }

    /** Every export ends by itself within its pages, and the scenario shuts its executor down. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ReportExporter> subject() {
        return ReportExporter.class;
    }

    @Override
    public Finding run(Class<? extends Exports> implementation, Trial trial) throws Exception {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        NamedPool pool = new NamedPool("exports", 2);
        ExecutorService executor = pool.executor();
        ScriptedBackOffice backOffice = new ScriptedBackOffice();
        List<String> reports = new ArrayList<>(REPORTS);
        Collections.shuffle(reports, random);
        List<Integer> cancelledAt = new ArrayList<>();
        int pagesStored = 0;
        try {
            Exports exports = Subjects.create(implementation, backOffice, backOffice, executor);
            for (int round = 0; round < ROUNDS && !trial.outOfTime(); round++) {
                long origin = System.nanoTime();
                // The last round cancels during the last page: only an exporter that checks once more before it
                // stores can tell, and the broken one is caught in the first round already.
                boolean duringLastPage = round == ROUNDS - 1;
                Job toCancel = job(reports.get(2 * round), random, origin, duringLastPage);
                Job toKeep = job(reports.get(2 * round + 1), random, origin, false);
                backOffice.expect(toCancel);
                backOffice.expect(toKeep);
                int cancelAfter = duringLastPage ? toCancel.export.pages() : random.nextInt(2, 6);
                Started cancelled;
                Started kept;
                if (random.nextBoolean()) {
                    cancelled = Started.start(exports, toCancel);
                    kept = Started.start(exports, toKeep);
                } else {
                    kept = Started.start(exports, toKeep);
                    cancelled = Started.start(exports, toCancel);
                }
                Finding finding = judgeStart(cancelled, pool, trial);
                finding = finding != null ? finding : judgeStart(kept, pool, trial);
                finding = finding != null ? finding : cancel(cancelled, cancelAfter, trial);
                finding = finding != null ? finding : judgeKept(kept, executor, trial);
                if (finding != null) {
                    return finding;
                }
                cancelledAt.add(cancelAfter);
                pagesStored += toKeep.pagesStored();
            }
        } finally {
            // A held trial leaves its exports as they are, for jstack.
            if (!trial.held()) {
                pool.shutdownNow(Duration.ofSeconds(1));
            }
        }
        if (cancelledAt.size() < ROUNDS) {
            return trial.inconclusive("the budget ran out before every export was started");
        }
        return trial.clean(String.format(Locale.ROOT,
                "in %d rounds of two exports side by side, each cancelled one (after %s pages begun, the last"
                        + " during its last page) stopped within a page of cancel(true) and stored nothing, and each"
                        + " other one stored all its pages (%d in all); start returned at once, and the executor"
                        + " stayed open",
                ROUNDS, cancelledAt.stream().map(String::valueOf).collect(Collectors.joining(", ")),
                pagesStored));
    }

    /** An export of 12 to 20 pages of 2 to 5 ms each; its last page of {@link #LAST_PAGE} if it is cancelled then. */
    private static Job job(String name, ThreadLocalRandom random, long origin, boolean longLastPage) {
        Duration page = Duration.ofMillis(random.nextLong(2, 6));
        return new Job(new Export(name, random.nextInt(12, 21)), page, longLastPage ? LAST_PAGE : page,
                new CancellationProbe(origin));
    }

    /** An export as {@code start} handed it back, and how long {@code start} took. */
    private record Started(Job job, Future<String> future, Throwable thrown, long startMillis) {

        static Started start(Exports exports, Job job) {
            long begin = System.nanoTime();
            try {
                Future<String> future = exports.start(job.export);
                return new Started(job, future, null, Duration.ofNanos(System.nanoTime() - begin).toMillis());
            } catch (RuntimeException failure) {
                return new Started(job, null, failure, Duration.ofNanos(System.nanoTime() - begin).toMillis());
            }
        }

        String name() {
            return "\"" + job.export.name() + "\"";
        }
    }

    private static Finding judgeStart(Started started, NamedPool pool, Trial trial) {
        if (started.thrown() != null || started.future() == null) {
            return trial.notWorking("start(" + started.name() + ") "
                    + (started.thrown() != null ? "threw " + started.thrown() : "returned null"));
        }
        Thread renderedOn = started.job().renderedOn();
        if (started.startMillis() > START_LIMIT.toMillis()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "start(%s) took %d ms to return%s: the contract says it returns at once", started.name(),
                    started.startMillis(),
                    renderedOn != null && !pool.owns(renderedOn)
                            ? ", rendering on " + renderedOn.getName() + ", the caller's thread"
                            : ""),
                    started.job().probe.timeline("What happened"));
        }
        return null;
    }

    /** Cancels the export once it has begun {@code afterPages} pages, and watches what it does next. */
    private static Finding cancel(Started started, int afterPages, Trial trial) throws InterruptedException {
        Job job = started.job();
        CancellationProbe probe = job.probe;
        if (!Waits.until(() -> job.pagesBegun() >= afterPages, PATIENCE)) {
            return trial.notWorking(String.format(Locale.ROOT, "the export of %s began %d pages in %,d ms, not %d",
                    started.name(), job.pagesBegun(), PATIENCE.toMillis(), afterPages),
                    probe.timeline("What happened"));
        }
        boolean lastPage = afterPages == job.export.pages();
        probe.cancelled("future.cancel(true) called by the user" + (lastPage ? ", during the last page" : ""));
        long cancelNanos = System.nanoTime();
        boolean cancelled = started.future().cancel(true);
        probe.note("future.cancel(true) returned " + cancelled + "; isCancelled() = "
                + started.future().isCancelled());
        Waits.until(() -> probe.workAfterCancel() >= PAGES_AFTER, STOPPED_AFTER);
        if (probe.workAfterCancel() >= PAGES_AFTER) {
            // Its thread as jstack would show it now, rendering for nobody; then the rest of the story.
            List<Evidence.ThreadView> rendering = ThreadViews.of(List.of(job.renderedOn().threadId()),
                    trial.lockNames());
            Waits.until(() -> job.stores() > 0,
                    job.pageTime.multipliedBy(job.export.pages()).plus(Duration.ofMillis(200)));
            return trial.reproduced(FailureKind.LOST_CANCEL, String.format(Locale.ROOT,
                    "%s, yet the export of %s went on: %d more pages in the %d ms after%s",
                    cancelled && started.future().isCancelled()
                            ? "cancel(true) returned true and the future says cancelled"
                            : "cancel(true) returned " + cancelled,
                    started.name(), probe.workAfterCancel() - job.stores(), probe.millisSinceCancel(),
                    job.stores() > 0 ? ", and it stored the file the user had cancelled in the archive" : ""),
                    probe.timeline("The cancelled export, from the start of its round"),
                    new Evidence.Threads("Its thread, rendering after the cancel", rendering));
        }
        if (lastPage) {
            // The store follows the last page at once: give it the page's time to show.
            Waits.until(() -> job.stores() > 0, job.lastPageTime.plus(STOPPED_AFTER));
            long ended = job.lastPageEndedNanos();
            if (ended != 0 && ended - cancelNanos < 0) {
                return trial.inconclusive(String.format(Locale.ROOT, "the last page of %s (%d ms) was done before"
                        + " the cancel could be made during it: this machine was too slow to tell", started.name(),
                        job.lastPageTime.toMillis()));
            }
        }
        if (job.stores() > 0) {
            return trial.notWorking("the export of " + started.name() + " was stored in the archive after"
                    + " cancel(true)" + (lastPage
                            ? ", which came during its last page: the cancel was looked for between pages, not again"
                                    + " before the store, so the file the user cancelled is in the archive and the"
                                    + " future says cancelled"
                            : ""),
                    probe.timeline("What happened"));
        }
        if (!cancelled || !started.future().isCancelled()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "cancel(true) on the running export of %s returned %b, and isCancelled() says %b: the contract"
                            + " says the future is cancelled",
                    started.name(), cancelled, started.future().isCancelled()), probe.timeline("What happened"));
        }
        return null;
    }

    private static Finding judgeKept(Started started, ExecutorService executor, Trial trial)
            throws InterruptedException {
        Job job = started.job();
        if (executor.isShutdown()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "cancelling one export shut down the executor the exporter was given: the other export, %s,"
                            + " has begun %d of its %d pages, and every export after them would be refused. The"
                            + " contract says the executor stays open and the other exports go on",
                    started.name(), job.pagesBegun(), job.export.pages()), job.probe.timeline("What happened"));
        }
        String location;
        try {
            location = started.future().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "the export of %s, which nobody cancelled, was not done %,d ms later (%d of %d pages begun)",
                    started.name(), PATIENCE.toMillis(), job.pagesBegun(), job.export.pages()),
                    job.probe.timeline("What happened"));
        } catch (ExecutionException | CancellationException e) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "the export of %s, which nobody cancelled, %s after %d of %d pages begun", started.name(),
                    e instanceof ExecutionException ? "failed with " + e.getCause() : "was cancelled", job.pagesBegun(),
                    job.export.pages()), job.probe.timeline("What happened"));
        }
        if (job.stores() != 1 || job.pagesStored() != job.export.pages()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "the export of %s, which nobody cancelled, returned %s but was stored %d times, the last with"
                            + " %d of its %d pages",
                    started.name(), location, job.stores(), Math.max(0, job.pagesStored()), job.export.pages()),
                    job.probe.timeline("What happened"));
        }
        return null;
    }
}
