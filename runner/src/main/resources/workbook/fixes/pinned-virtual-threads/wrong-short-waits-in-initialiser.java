package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

// Wrong fix: the initialiser hands the fetch to a platform thread and waits for it in short sleeps, so that no single
// wait is long enough for JFR's 20 ms threshold. The virtual thread is still inside <clinit> the whole time, pinned.
// expect: STILL BROKEN

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    @Override
    public Map<String, String> table(String name) {
        return switch (name) {
            case "currencies" -> Currencies.TABLE;
            case "countries" -> Countries.TABLE;
            case "tax-rates" -> TaxRates.TABLE;
            case "units" -> Units.TABLE;
            case "carriers" -> Carriers.TABLE;
            case "languages" -> Languages.TABLE;
            default -> throw new IllegalArgumentException("no reference table " + name);
        };
    }

    private static Map<String, String> fetchInShortWaits(String table) {
        CompletableFuture<Map<String, String>> fetch = CompletableFuture.supplyAsync(() -> DataService.fetch(table),
                task -> Thread.ofPlatform().daemon().start(task));
        while (!fetch.isDone()) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return fetch.join();
    }

    private static final class Currencies {
        static final Map<String, String> TABLE = fetchInShortWaits("currencies");
    }

    private static final class Countries {
        static final Map<String, String> TABLE = fetchInShortWaits("countries");
    }

    private static final class TaxRates {
        static final Map<String, String> TABLE = fetchInShortWaits("tax-rates");
    }

    private static final class Units {
        static final Map<String, String> TABLE = fetchInShortWaits("units");
    }

    private static final class Carriers {
        static final Map<String, String> TABLE = fetchInShortWaits("carriers");
    }

    private static final class Languages {
        static final Map<String, String> TABLE = fetchInShortWaits("languages");
    }
}
