package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

// Wrong fix: no static initialiser blocks any more, and the requests wait for a future, which lets go of the carrier.
// But every fetch runs on one loader thread: the tables are fetched one after another, and six requests that ask for
// six tables at once wait for all six fetches in a row.
// expect: DOES NOT WORK

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    private static final ExecutorService LOADER = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "table-loader");
        thread.setDaemon(true);
        return thread;
    });
    private static final Map<String, CompletableFuture<Map<String, String>>> TABLES = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> table(String name) {
        if (!DataService.TABLES.contains(name)) {
            throw new IllegalArgumentException("no reference table " + name);
        }
        return TABLES.computeIfAbsent(name,
                table -> CompletableFuture.supplyAsync(() -> DataService.fetch(table), LOADER)).join();
    }
}
