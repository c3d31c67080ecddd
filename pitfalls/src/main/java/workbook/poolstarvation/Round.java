package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import workbook.harness.Overlap;

/**
 * One month-end run, on a pool sized for it, its threads started: one thread with two reports, two or three threads
 * with one or two reports more than threads, or four threads with one report of four sections. Counts the fetches at
 * once.
 */
final class Round {

    static final List<String> TITLES = List.of("Sales by region", "Revenue by product", "Open invoices",
            "Payroll summary", "Inventory turnover", "Customer churn", "Cash flow", "Support tickets");

    enum Shape {
        ONE_THREAD, SHARED, WIDE
    }

    private final ReportPool pool;
    private final List<ScriptedReport> reports = new ArrayList<>();
    private final Overlap fetchesAtOnce = new Overlap();
    private final AtomicLong lastEndedAt = new AtomicLong();
    private final AtomicLong longestStarved = new AtomicLong();

    Round(Shape shape, SplittableRandom random) {
        int threads = switch (shape) {
            case ONE_THREAD -> 1;
            case SHARED -> random.nextInt(2, 4);
            case WIDE -> 4;
        };
        int count = switch (shape) {
            case ONE_THREAD -> 2;
            case SHARED -> threads + random.nextInt(1, 3);
            case WIDE -> 1;
        };
        pool = new ReportPool(threads);
        // Its workers wait for work, as a shared pool's do: none starts late for the first reports.
        pool.prestartAllCoreThreads();
        List<String> titles = new ArrayList<>(TITLES);
        for (int i = 0; i < count; i++) {
            String title = titles.remove(random.nextInt(titles.size()));
            reports.add(new ScriptedReport(title, shape == Shape.WIDE ? 4 : random.nextInt(2, 5), random, this));
        }
    }

    ReportPool pool() {
        return pool;
    }

    List<Report> reports() {
        return List.copyOf(reports);
    }

    List<ScriptedReport> scripted() {
        return reports;
    }

    int sections() {
        return reports.stream().mapToInt(r -> r.parts().size()).sum();
    }

    void fetchStarted(String title) {
        pool.rendering(title);
        fetchesAtOnce.enter();
    }

    void fetchEnded() {
        fetchesAtOnce.exit();
        lastEndedAt.set(System.nanoTime());
    }

    void sectionEnded() {
        lastEndedAt.set(System.nanoTime());
    }

    /** The pool was seen starved for this long: every worker busy, tasks queued, none started. */
    void starved(long nanos) {
        longestStarved.accumulateAndGet(nanos, Math::max);
    }

    long longestStarved() {
        return longestStarved.get();
    }

    int mostFetchesAtOnce() {
        return fetchesAtOnce.most();
    }

    /** When the last fetch or section ended. */
    long lastEndedAt() {
        return lastEndedAt.get();
    }

    /** Every report fetched and every section rendered, once or more. */
    boolean allDone() {
        return reports.stream().allMatch(r -> r.fetches() > 0 && r.parts().stream().allMatch(p -> p.renders() > 0));
    }
}
