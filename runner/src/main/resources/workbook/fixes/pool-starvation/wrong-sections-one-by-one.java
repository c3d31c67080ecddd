package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import workbook.poolstarvation.Report.Section;

// Wrong fix: no subtasks at all. Each report task renders its own sections, one after another: nothing waits for
// the pool any more, but a report of four sections takes four times as long, and the contract says at once.
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
        StringBuilder page = new StringBuilder(report.title());
        for (Section section : report.sections()) {
            page.append('\n').append(section.render());
        }
        return page.toString();
    }
}
