package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import workbook.poolstarvation.Report.Section;

// Wrong fix: a pool of its own for the sections, as the textbook says ("separate pools"), but a cached pool that
// nobody shuts down: its threads linger for a minute after each call, and the class has no close().
// expect: DOES NOT WORK

/** Renders the month-end reports in parallel, and each report's sections in parallel, on the shared worker pool. */
public class ReportService implements Reports {

    private final ExecutorService workers;
    private final ExecutorService sectionWorkers = Executors.newCachedThreadPool();

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

    private String render(Report report) throws InterruptedException, ExecutionException {
        List<Future<String>> sections = new ArrayList<>();
        for (Section section : report.sections()) {
            sections.add(sectionWorkers.submit(section::render));
        }
        StringBuilder page = new StringBuilder(report.title());
        for (Future<String> section : sections) {
            page.append('\n').append(section.get());
        }
        return page.toString();
    }
}
