package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import workbook.poolstarvation.Report.Section;

// Right fix, another way: separate pools. Each report renders its sections on virtual threads of its own, closed
// (and so waited for) before the report returns: the worker waits, but never for a task of its own pool.
// expect: FIXED

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

    private String render(Report report) throws InterruptedException, ExecutionException {
        try (ExecutorService sectionThreads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<String>> sections = new ArrayList<>();
            for (Section section : report.sections()) {
                sections.add(sectionThreads.submit(section::render));
            }
            StringBuilder page = new StringBuilder(report.title());
            for (Future<String> section : sections) {
                page.append('\n').append(section.get());
            }
            return page.toString();
        }
    }
}
