package workbook.cancelthatdoesnt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: cancel(true) on the executor's own future interrupts the export, and the export looks for the
// interrupt before each page. Not again before the store: a cancel during the last page is seen by nobody, and the
// file the user cancelled is stored while the future says cancelled.
// expect: DOES NOT WORK

/** Exports reports page by page in the background; the user can cancel an export from its future. */
public class ReportExporter implements Exports {

    private final PageRenderer renderer;
    private final Archive archive;
    private final ExecutorService executor;

    public ReportExporter(PageRenderer renderer, Archive archive, ExecutorService executor) {
        this.renderer = renderer;
        this.archive = archive;
        this.executor = executor;
    }

    @Override
    public Future<String> start(Export export) {
        return executor.submit(() -> exportAll(export)); // its cancel(true) interrupts the export
    }

    private String exportAll(Export export) {
        List<Page> pages = new ArrayList<>();
        for (int number = 1; number <= export.pages(); number++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("export of " + export.name() + " cancelled");
            }
            pages.add(renderer.render(export, number));
        }
        return archive.store(export.name(), pages);
    }
}
