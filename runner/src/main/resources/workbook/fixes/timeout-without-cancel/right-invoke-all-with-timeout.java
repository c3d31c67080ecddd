package workbook.timeoutwithoutcancel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

// Right fix, another way: invokeAll with a timeout. It waits at most that long, and cancels (with an interrupt)
// every task not done by then, before it returns.
// expect: FIXED

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
        Callable<List<String>> ask = () -> recommender.recommend(user);
        Future<List<String>> query = executor.invokeAll(List.of(ask), timeout.toMillis(), TimeUnit.MILLISECONDS)
                .get(0);
        try {
            return query.get();
        } catch (CancellationException | ExecutionException e) {
            return BESTSELLERS;
        }
    }
}
