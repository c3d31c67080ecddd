package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

// Right fix, another way: a future per table in a concurrent map. The request that puts it there fetches the table,
// outside any static initialiser and holding no lock; the others wait in join(), which lets go of the carrier.
// expect: FIXED

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    private static final Map<String, CompletableFuture<Map<String, String>>> TABLES = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> table(String name) {
        if (!DataService.TABLES.contains(name)) {
            throw new IllegalArgumentException("no reference table " + name);
        }
        CompletableFuture<Map<String, String>> mine = new CompletableFuture<>();
        CompletableFuture<Map<String, String>> first = TABLES.putIfAbsent(name, mine);
        if (first == null) {
            try {
                mine.complete(DataService.fetch(name));
            } catch (RuntimeException e) {
                mine.completeExceptionally(e);
            }
            first = mine;
        }
        return first.join();
    }
}
