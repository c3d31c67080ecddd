package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

// Wrong fix: the advice for pinned virtual threads is "use a ReentrantLock, not synchronized", so each table's first
// use goes through a ReentrantLock. There was no synchronized to replace: the fetch still blocks inside the holder's
// static initialiser, where no lock helps a virtual thread let go of its carrier.
// expect: STILL BROKEN

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    private static final Map<String, ReentrantLock> LOCKS = Map.of("currencies", new ReentrantLock(), "countries",
            new ReentrantLock(), "tax-rates", new ReentrantLock(), "units", new ReentrantLock(), "carriers",
            new ReentrantLock(), "languages", new ReentrantLock());

    @Override
    public Map<String, String> table(String name) {
        ReentrantLock lock = LOCKS.get(name);
        if (lock == null) {
            throw new IllegalArgumentException("no reference table " + name);
        }
        lock.lock();
        try {
            return switch (name) {
                case "currencies" -> Currencies.TABLE;
                case "countries" -> Countries.TABLE;
                case "tax-rates" -> TaxRates.TABLE;
                case "units" -> Units.TABLE;
                case "carriers" -> Carriers.TABLE;
                default -> Languages.TABLE;
            };
        } finally {
            lock.unlock();
        }
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
