package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import workbook.poolstarvation.Report.Section;

// Wrong fix: the reports on the calling thread, one after another, only the sections on the pool. No worker waits
// for the pool any more, but the reports are fetched one at a time, and not on the executor given.
// expect: DOES NOT WORK

/** Renders the month-end reports in parallel, and each report's sections in parallel, on the shared worker pool. */
public class ReportService implements Reports {

    private final ExecutorService workers;

    public ReportService(ExecutorService workers) {
        this.workers = workers;
    }

    @Override
    public List<String> renderAll(List<Report> reports) throws InterruptedException, ExecutionException {
        List<String> rendered = new ArrayList<>();
        for (Report report : reports) {
            rendered.add(render(report));
        }
        return rendered;
    }

    private String render(Report report) throws InterruptedException, ExecutionException {
        List<Future<String>> sections = new ArrayList<>();
        for (Section section : report.sections()) {
            sections.add(workers.submit(section::render));
        }
        StringBuilder page = new StringBuilder(report.title());
        for (Future<String> section : sections) {
            page.append('\n').append(section.get());
        }
        return page.toString();
    }
}
