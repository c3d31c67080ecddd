package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import workbook.poolstarvation.Report.Section;

// Wrong fix: CompletableFuture for the sections, but joined inside the report task. The worker still blocks on
// tasks queued in its own pool; join() cannot even be interrupted.
// expect: STILL BROKEN

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
            sections.add(CompletableFuture.supplyAsync(section::render, workers));
        }
        StringBuilder page = new StringBuilder(report.title());
        for (CompletableFuture<String> section : sections) {
            page.append('\n').append(section.join());
        }
        return page.toString();
    }
}
