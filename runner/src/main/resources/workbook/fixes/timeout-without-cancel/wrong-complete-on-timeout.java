package workbook.timeoutwithoutcancel;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

// Wrong fix: a CompletableFuture with completeOnTimeout, "the modern way to time out". The page gets the
// bestsellers on time; the query behind the future is never told and runs to its end, holding its connection.
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
        return CompletableFuture.supplyAsync(() -> query(user), executor)
                .completeOnTimeout(BESTSELLERS, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(failure -> BESTSELLERS)
                .join();
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
