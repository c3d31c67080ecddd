package workbook.timeoutwithoutcancel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

// Wrong fix: a CompletableFuture that times out, and cancel(true) on it when it does. CompletableFuture's cancel
// only completes the future: it has no thread to interrupt, so the query goes on.
// expect: STILL BROKEN

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
    public List<String> forUser(String user) {
        CompletableFuture<List<String>> query = CompletableFuture.supplyAsync(() -> query(user), executor);
        try {
            return query.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TimeoutException) {
                query.cancel(true);
            }
            return BESTSELLERS;
        }
    }

    private List<String> query(String user) {
        try {
            return recommender.recommend(user);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }
}
