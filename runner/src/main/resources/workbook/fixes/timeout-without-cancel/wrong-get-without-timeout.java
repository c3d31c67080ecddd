package workbook.timeoutwithoutcancel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: wait for the query to finish, so that nothing is left running. Nothing is, but the page now waits
// as long as the slowest query takes: the timeout is gone.
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
            return query.get();
        } catch (ExecutionException e) {
            return BESTSELLERS;
        }
    }
}
