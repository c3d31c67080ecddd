package workbook.cancelthatdoesnt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

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
            checkNotCancelled(export);
            pages.add(renderer.render(export, number));
        }
        checkNotCancelled(export); // a cancel during the last page: nothing stored
        return archive.store(export.name(), pages);
    }

    private static void checkNotCancelled(Export export) {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("export of " + export.name() + " cancelled");
        }
    }
}
