package workbook.timeoutwithoutcancel;

import java.util.List;

/**
 * The product page's recommendations, which must not hold the page up.
 *
 * <p>Promises:
 * <ul>
 * <li>{@code forUser} returns the recommender's answer when it comes within the timeout, and otherwise returns the
 * fallback once the timeout has passed (not later);
 * <li>the query runs on the executor it was given, which stays open for the next page;
 * <li>a query given up on stops: it does no more work and gives its connection back, so that queries nobody waits
 * for never pile up.
 * </ul>
 */
public interface Recommendations {

    List<String> forUser(String user) throws InterruptedException;
}
