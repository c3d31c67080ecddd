package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

// Right fix, another way: double-checked locking with a ReentrantLock per table and a volatile field. The fetch runs
// under the table's lock, outside any static initialiser; a virtual thread that waits for a ReentrantLock, or blocks
// while it holds one, lets go of its carrier on every JDK from 21 on.
// expect: FIXED

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    private static final Map<String, Table> TABLES = Map.of("currencies", new Table("currencies"), "countries",
            new Table("countries"), "tax-rates", new Table("tax-rates"), "units", new Table("units"), "carriers",
            new Table("carriers"), "languages", new Table("languages"));

    @Override
    public Map<String, String> table(String name) {
        Table table = TABLES.get(name);
        if (table == null) {
            throw new IllegalArgumentException("no reference table " + name);
        }
        return table.get();
    }

    private static final class Table {
        private final String name;
        private final ReentrantLock lock = new ReentrantLock();
        private volatile Map<String, String> rows;

        Table(String name) {
            this.name = name;
        }

        Map<String, String> get() {
            Map<String, String> fetched = rows;
            if (fetched != null) {
                return fetched;
            }
            lock.lock();
            try {
                if (rows == null) {
                    rows = DataService.fetch(name);
                }
                return rows;
            } finally {
                lock.unlock();
            }
        }
    }
}
