package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import workbook.poolstarvation.Report.Section;

// Right fix, another way: only the caller ever waits, never a worker. First every report is fetched on the pool,
// then every section of every report is rendered on it; the calling thread, which is not one of the pool's,
// collects each step.
// expect: FIXED

/** Renders the month-end reports in parallel, and each report's sections in parallel, on the shared worker pool. */
public class ReportService implements Reports {

    private final ExecutorService workers;

    public ReportService(ExecutorService workers) {
        this.workers = workers;
    }

    @Override
    public List<String> renderAll(List<Report> reports) throws InterruptedException, ExecutionException {
        List<Future<List<Section>>> fetched = new ArrayList<>();
        for (Report report : reports) {
            fetched.add(workers.submit(report::sections));
        }
        List<List<Future<String>>> sections = new ArrayList<>();
        for (Future<List<Section>> data : fetched) {
            List<Future<String>> parts = new ArrayList<>();
            for (Section section : data.get()) {
                parts.add(workers.submit(section::render));
            }
            sections.add(parts);
        }
        List<String> rendered = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            StringBuilder page = new StringBuilder(reports.get(i).title());
            for (Future<String> part : sections.get(i)) {
                page.append('\n').append(part.get());
            }
            rendered.add(page.toString());
        }
        return rendered;
    }
}
