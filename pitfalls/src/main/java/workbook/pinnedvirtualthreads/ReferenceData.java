package workbook.pinnedvirtualthreads;

import java.util.Map;

/**
 * The reference tables a service reads while it serves requests: currencies, countries, tax rates, and so on
 * ({@link DataService#TABLES}). Cheap to make; the service makes one at start-up and calls it from every request,
 * each request on a virtual thread of its own.
 */
public interface ReferenceData {

    /**
     * The table of this name, as the data service has it ({@link DataService#fetch}). The promises beyond the table:
     * each table is fetched once, on its first use, however many requests ask for it at once (those that come while it
     * is being fetched wait for that fetch and get its table); and requests that ask for different tables at the same
     * time are served at the same time: their fetches overlap, so that the tables asked for together are ready in
     * about the time of the slowest fetch, however few processors the machine has.
     *
     * @throws IllegalArgumentException if the data service has no table of this name
     */
    Map<String, String> table(String name);
}
