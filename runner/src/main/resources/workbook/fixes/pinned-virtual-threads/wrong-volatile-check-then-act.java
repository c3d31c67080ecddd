package workbook.pinnedvirtualthreads;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

// Wrong fix: no holder classes, no lock: a request fetches the table if nobody has yet. Nothing blocks in a static
// initialiser any more, but two requests that ask for the same table at once both see it missing, and both fetch it.
// expect: DOES NOT WORK

/** The reference tables, each fetched from the data service on its first use, once. */
public class ReferenceTables implements ReferenceData {

    private static final Map<String, Map<String, String>> TABLES = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> table(String name) {
        if (!DataService.TABLES.contains(name)) {
            throw new IllegalArgumentException("no reference table " + name);
        }
        Map<String, String> table = TABLES.get(name);
        if (table == null) {
            table = DataService.fetch(name);
            TABLES.put(name, table);
        }
        return table;
    }
}
