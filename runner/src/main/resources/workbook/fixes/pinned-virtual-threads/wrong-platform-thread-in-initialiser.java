package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

// Wrong fix: the fetch moves to a platform thread, which may block as long as it likes. But the holder's static
// initialiser still waits for that thread's answer: the virtual thread blocks inside <clinit> all the same, pinned.
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

    /** Fetches on a platform thread of its own: a virtual thread must not block in the data service's client. */
    private static Map<String, String> fetchOnPlatformThread(String table) {
        FutureTask<Map<String, String>> fetch = new FutureTask<>(() -> DataService.fetch(table));
        Thread.ofPlatform().daemon().name("fetch-" + table).start(fetch);
        try {
            return fetch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while " + table + " was fetched", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot fetch " + table, e.getCause());
        }
    }

    private static final class Currencies {
        static final Map<String, String> TABLE = fetchOnPlatformThread("currencies");
    }

    private static final class Countries {
        static final Map<String, String> TABLE = fetchOnPlatformThread("countries");
    }

    private static final class TaxRates {
        static final Map<String, String> TABLE = fetchOnPlatformThread("tax-rates");
    }

    private static final class Units {
        static final Map<String, String> TABLE = fetchOnPlatformThread("units");
    }

    private static final class Carriers {
        static final Map<String, String> TABLE = fetchOnPlatformThread("carriers");
    }

    private static final class Languages {
        static final Map<String, String> TABLE = fetchOnPlatformThread("languages");
    }
}
