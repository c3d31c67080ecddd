package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: never make a request wait: the first request starts the fetch in the background, and until it is done
// every request gets an empty table. Nothing is pinned and nothing waits, because the requests get no data at all.
// expect: DOES NOT WORK

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    private static final Map<String, CompletableFuture<Map<String, String>>> TABLES = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> table(String name) {
        if (!DataService.TABLES.contains(name)) {
            throw new IllegalArgumentException("no reference table " + name);
        }
        CompletableFuture<Map<String, String>> fetch = TABLES.computeIfAbsent(name,
                table -> CompletableFuture.supplyAsync(() -> DataService.fetch(table),
                        task -> Thread.ofVirtual().start(task)));
        return fetch.getNow(Map.of());
    }
}
