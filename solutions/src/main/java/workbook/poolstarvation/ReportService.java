package workbook.poolstarvation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import workbook.poolstarvation.Report.Section;

/** Renders the month-end reports in parallel, and each report's sections in parallel, on the shared worker pool. */
public class ReportService implements Reports {

    private final ExecutorService workers;

    public ReportService(ExecutorService workers) {
        this.workers = workers;
    }

    @Override
    public List<String> renderAll(List<Report> reports) {
        List<CompletableFuture<String>> pages = new ArrayList<>();
        for (Report report : reports) {
            pages.add(CompletableFuture.supplyAsync(report::sections, workers)
                    .thenCompose(sections -> render(report.title(), sections)));
        }
        List<String> rendered = new ArrayList<>();
        for (CompletableFuture<String> page : pages) {
            rendered.add(page.join());
        }
        return rendered;
    }

    // Composed, never waited for: no worker blocks on a task that sits in its own pool's queue behind it.
    private CompletableFuture<String> render(String title, List<Section> sections) {
        List<CompletableFuture<String>> parts = new ArrayList<>();
        for (Section section : sections) {
            parts.add(CompletableFuture.supplyAsync(section::render, workers));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(done -> {
            StringBuilder page = new StringBuilder(title);
            for (CompletableFuture<String> part : parts) {
                page.append('\n').append(part.join());
            }
            return page.toString();
        });
    }
}
