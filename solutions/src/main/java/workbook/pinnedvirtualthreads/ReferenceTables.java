package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    @Override
    public Map<String, String> table(String name) {
        return switch (name) {
            case "currencies" -> CURRENCIES.get();
            case "countries" -> COUNTRIES.get();
            case "tax-rates" -> TAX_RATES.get();
            case "units" -> UNITS.get();
            case "carriers" -> CARRIERS.get();
            case "languages" -> LANGUAGES.get();
            default -> throw new IllegalArgumentException("no reference table " + name);
        };
    }

    // Fetched by the first request that needs the table, outside any static initialiser: a virtual thread that blocks
    // in a class initialiser stays pinned to its carrier, one that waits in FutureTask.get() lets go of it.

    private static final Table CURRENCIES = new Table("currencies");
    private static final Table COUNTRIES = new Table("countries");
    private static final Table TAX_RATES = new Table("tax-rates");
    private static final Table UNITS = new Table("units");
    private static final Table CARRIERS = new Table("carriers");
    private static final Table LANGUAGES = new Table("languages");

    /** A table fetched once, by its first caller; callers that come meanwhile wait for that fetch. */
    private static final class Table {
        private final FutureTask<Map<String, String>> fetch;

        Table(String name) {
            fetch = new FutureTask<>(() -> DataService.fetch(name));
        }

        Map<String, String> get() {
            fetch.run(); // fetches on the first call; returns at once on any other, while or after it fetches
            try {
                return fetch.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the table was fetched", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("the table could not be fetched", e.getCause());
            }
        }
    }
}
