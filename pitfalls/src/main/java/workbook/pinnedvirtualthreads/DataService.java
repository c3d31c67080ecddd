package workbook.pinnedvirtualthreads;

import java.util.List;
import java.util.Map;

/**
 * The company's reference-data service, as the code reaches it: one client for the whole JVM, connected at start-up.
 * A fetch is a remote call that takes tens of milliseconds; the calling thread waits for the answer. The service
 * answers many fetches at once.
 */
public final class DataService {

    /** The tables the service has. */
    public static final List<String> TABLES = List.of("currencies", "countries", "tax-rates", "units", "carriers",
            "languages");

    /** The other end of the connection. */
    interface Remote {
        Map<String, String> fetch(String table);
    }

    private static volatile Remote remote;

    private DataService() {
    }

    static void connect(Remote to) {
        remote = to;
    }

    /**
     * The table of this name, fetched from the service now (the caller waits for the answer).
     *
     * @throws IllegalArgumentException if the service has no table of this name
     */
    public static Map<String, String> fetch(String table) {
        Remote connected = remote;
        if (connected == null) {
            throw new IllegalStateException("the data service is not connected");
        }
        return connected.fetch(table);
    }
}
