package workbook.cancelthatdoesnt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: "the check comes too late": look at the interrupt before and after every page, and clear it with
// Thread.interrupted() to be sure. No check can see an interrupt that is never sent: a CompletableFuture's
// cancel(true) completes the future and interrupts nobody.
// expect: STILL BROKEN

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
        return CompletableFuture.supplyAsync(() -> exportAll(export), executor);
    }

    private String exportAll(Export export) {
        List<Page> pages = new ArrayList<>();
        for (int number = 1; number <= export.pages(); number++) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("export of " + export.name() + " cancelled");
            }
            pages.add(renderer.render(export, number));
            if (Thread.interrupted()) {
                throw new CancellationException("export of " + export.name() + " cancelled");
            }
        }
        return archive.store(export.name(), pages);
    }
}
