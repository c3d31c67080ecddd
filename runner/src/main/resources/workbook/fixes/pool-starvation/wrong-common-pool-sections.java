package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import workbook.poolstarvation.Report.Section;

// Wrong fix: the sections on the common pool, so that they never queue behind the reports. But the common pool
// belongs to the whole JVM (one thread on 2 cores), and its threads outlive the call: not this class's to use.
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

    private String render(Report report) {
        List<CompletableFuture<String>> sections = new ArrayList<>();
        for (Section section : report.sections()) {
            sections.add(CompletableFuture.supplyAsync(section::render));
        }
        StringBuilder page = new StringBuilder(report.title());
        for (CompletableFuture<String> section : sections) {
            page.append('\n').append(section.join());
        }
        return page.toString();
    }
}
