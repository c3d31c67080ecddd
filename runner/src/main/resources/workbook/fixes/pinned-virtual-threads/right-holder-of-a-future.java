package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

// Right fix, another way: keep the holder classes, but let their static initialisers only start the fetch, on a
// virtual thread of its own; the requests wait for it in join(), after the initialiser is done, where a virtual thread
// lets go of its carrier.
// expect: FIXED

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    @Override
    public Map<String, String> table(String name) {
        return switch (name) {
            case "currencies" -> Currencies.TABLE.join();
            case "countries" -> Countries.TABLE.join();
            case "tax-rates" -> TaxRates.TABLE.join();
            case "units" -> Units.TABLE.join();
            case "carriers" -> Carriers.TABLE.join();
            case "languages" -> Languages.TABLE.join();
            default -> throw new IllegalArgumentException("no reference table " + name);
        };
    }

    private static CompletableFuture<Map<String, String>> fetchInBackground(String table) {
        return CompletableFuture.supplyAsync(() -> DataService.fetch(table), task -> Thread.ofVirtual().start(task));
    }

    private static final class Currencies {
        static final CompletableFuture<Map<String, String>> TABLE = fetchInBackground("currencies");
    }

    private static final class Countries {
        static final CompletableFuture<Map<String, String>> TABLE = fetchInBackground("countries");
    }

    private static final class TaxRates {
        static final CompletableFuture<Map<String, String>> TABLE = fetchInBackground("tax-rates");
    }

    private static final class Units {
        static final CompletableFuture<Map<String, String>> TABLE = fetchInBackground("units");
    }

    private static final class Carriers {
        static final CompletableFuture<Map<String, String>> TABLE = fetchInBackground("carriers");
    }

    private static final class Languages {
        static final CompletableFuture<Map<String, String>> TABLE = fetchInBackground("languages");
    }
}
