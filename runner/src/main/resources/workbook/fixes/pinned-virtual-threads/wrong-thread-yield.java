package workbook.pinnedvirtualthreads;

import java.util.Map;

// Wrong fix: Thread.yield() before the first use, to give the carrier back to the other virtual threads. The yield
// happens before the fetch, not during it: the fetch still blocks inside the holder's static initialiser, pinned.
// expect: STILL BROKEN

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    @Override
    public Map<String, String> table(String name) {
        Thread.yield(); // let the other requests run first
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

    private static final class Currencies {
        static final Map<String, String> TABLE = DataService.fetch("currencies");
    }

    private static final class Countries {
        static final Map<String, String> TABLE = DataService.fetch("countries");
    }

    private static final class TaxRates {
        static final Map<String, String> TABLE = DataService.fetch("tax-rates");
    }

    private static final class Units {
        static final Map<String, String> TABLE = DataService.fetch("units");
    }

    private static final class Carriers {
        static final Map<String, String> TABLE = DataService.fetch("carriers");
    }

    private static final class Languages {
        static final Map<String, String> TABLE = DataService.fetch("languages");
    }
}
