package workbook.timeoutwithoutcancel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

// Wrong fix: cancel the query on a timeout (right), and wait only half the timeout "to leave the page time to
// render". The page drops recommendations that were coming in time: it gives up before the timeout.
// expect: DOES NOT WORK

/** Recommendations for the product page: personal ones if they come in time, the bestsellers if not. */
public class PageRecommendations implements Recommendations {

    static final List<String> BESTSELLERS = List.of("kettle", "desk lamp", "headphones");

    private final Recommender recommender;
    private final ExecutorService executor;
    private final Duration timeout;

    public PageRecommendations(Recommender recommender, ExecutorService executor, Duration timeout) {
        this.recommender = recommender;
        this.executor = executor;
        this.timeout = timeout;
    }

    @Override
    public List<String> forUser(String user) throws InterruptedException {
        Future<List<String>> query = executor.submit(() -> recommender.recommend(user));
        try {
            // Half the budget for the query, half for rendering the page.
            return query.get(timeout.toMillis() / 2, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            query.cancel(true); // nobody waits for it any more: stop it, and free its connection
            return BESTSELLERS; // the page can't wait any longer
        } catch (ExecutionException e) {
            return BESTSELLERS;
        }
    }
}
