package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import workbook.poolstarvation.Report.Section;

// Wrong fix: a timeout on each section's get(). The workers no longer wait for good, but they still wait for
// sections queued behind them, and when the second is up the report fails instead of being rendered.
// expect: DOES NOT WORK

/** Renders the month-end reports in parallel, and each report's sections in parallel, on the shared worker pool. */
public class ReportService implements Reports {

    private final ExecutorService workers;

    public ReportService(ExecutorService workers) {
        this.workers = workers;
    }

    @Override
    public List<String> renderAll(List<Report> reports) throws InterruptedException, ExecutionException {
        List<Future<String>> pages = new ArrayList<>();
        for (Report report : reports) {
            pages.add(workers.submit(() -> render(report)));
        }
        List<String> rendered = new ArrayList<>();
        for (Future<String> page : pages) {
            rendered.add(page.get());
        }
        return rendered;
    }

    private String render(Report report) throws InterruptedException, ExecutionException, TimeoutException {
        List<Future<String>> sections = new ArrayList<>();
        for (Section section : report.sections()) {
            sections.add(workers.submit(section::render));
        }
        StringBuilder page = new StringBuilder(report.title());
        for (Future<String> section : sections) {
            page.append('\n').append(section.get(1, TimeUnit.SECONDS));
        }
        return page.toString();
    }
}
