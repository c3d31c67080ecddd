package workbook.cancelthatdoesnt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: a future whose cancel shuts the executor down with shutdownNow(), which does interrupt the export.
// It also interrupts every other export on that executor, and refuses every export after it.
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
        CompletableFuture<String> result = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                executor.shutdownNow(); // the only way to reach the thread
                return super.cancel(mayInterruptIfRunning);
            }
        };
        executor.execute(() -> {
            try {
                result.complete(exportAll(export));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
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
