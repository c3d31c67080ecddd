package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

// Wrong fix: each holder starts its fetch on a virtual thread of its own and waits for it. The wait is still inside
// the static initialiser, pinned; and once every carrier is held by a waiting initialiser, the virtual threads that
// fetch get no carrier to finish on: the requests hang for good.
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

    private static Map<String, String> fetchOnVirtualThread(String table) {
        return CompletableFuture.supplyAsync(() -> DataService.fetch(table), task -> Thread.ofVirtual().start(task))
                .join();
    }

    private static final class Currencies {
        static final Map<String, String> TABLE = fetchOnVirtualThread("currencies");
    }

    private static final class Countries {
        static final Map<String, String> TABLE = fetchOnVirtualThread("countries");
    }

    private static final class TaxRates {
        static final Map<String, String> TABLE = fetchOnVirtualThread("tax-rates");
    }

    private static final class Units {
        static final Map<String, String> TABLE = fetchOnVirtualThread("units");
    }

    private static final class Carriers {
        static final Map<String, String> TABLE = fetchOnVirtualThread("carriers");
    }

    private static final class Languages {
        static final Map<String, String> TABLE = fetchOnVirtualThread("languages");
    }
}
