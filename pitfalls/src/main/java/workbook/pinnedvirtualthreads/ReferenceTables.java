package workbook.pinnedvirtualthreads;

import java.util.Map;

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

    // A holder class per table: the JVM initialises a class on its first use, once, and any other thread that needs
    // the class meanwhile waits for it. Lazy and thread-safe, with no lock and no volatile read on the way.

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
