package workbook.cancelthatdoesnt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: export in start itself and hand back a completed future, "then there is nothing left to cancel".
// There isn't: start now takes the whole export, and the user has no moment to cancel in.
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
        return CompletableFuture.completedFuture(exportAll(export));
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
