package workbook.orphanedsubtasks;

import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * The fares for a route, from every airline.
 *
 * <p>Promises:
 * <ul>
 * <li>the airlines are searched in parallel, on the executor given, which every request shares and which stays open;
 * <li>{@code search} returns every airline's fares;
 * <li>when the request is cancelled (the thread calling {@code search} is interrupted), {@code search} ends at once and
 * every airline search it started stops: none is left searching for a request that is gone.
 * </ul>
 */
public interface FareSearch {

    List<String> search(String route) throws InterruptedException, ExecutionException;
}
