package workbook.cancelthatdoesnt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Right fix, another way: cooperative cancellation through the future itself. The export checks, before each
// page and once more before the store, whether the future it completes has been cancelled; no interrupt needed.
// expect: FIXED

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
        CompletableFuture<String> result = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                result.complete(exportAll(export, result));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private String exportAll(Export export, Future<String> result) {
        List<Page> pages = new ArrayList<>();
        for (int number = 1; number <= export.pages(); number++) {
            if (result.isCancelled()) {
                throw new CancellationException("export of " + export.name() + " cancelled");
            }
            pages.add(renderer.render(export, number));
        }
        if (result.isCancelled()) { // cancelled during the last page: nothing stored
            throw new CancellationException("export of " + export.name() + " cancelled");
        }
        return archive.store(export.name(), pages);
    }
}
