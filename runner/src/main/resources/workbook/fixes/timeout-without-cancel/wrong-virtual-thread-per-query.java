package workbook.timeoutwithoutcancel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

// Wrong fix: the right cancel, on a virtual thread per query instead of the executor it was given. The page
// stops the query, but bypasses the pool the service sizes and watches (and never closes the executor it made).
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
        // A virtual thread per query: cheap, and cancel(true) still interrupts it.
        Future<List<String>> query = Executors.newVirtualThreadPerTaskExecutor()
                .submit(() -> recommender.recommend(user));
        try {
            return query.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            query.cancel(true); // nobody waits for it any more: stop it, and free its connection
            return BESTSELLERS; // the page can't wait any longer
        } catch (ExecutionException e) {
            return BESTSELLERS;
        }
    }
}
