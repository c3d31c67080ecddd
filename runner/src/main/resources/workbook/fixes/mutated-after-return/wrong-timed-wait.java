package workbook.mutatedafterreturn;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

// Wrong fix: wait for the suggestions, but at most 100 ms, "so a slow suggester cannot hold up the page". When the
// wait times out, the task is still running and adds its suggestions to the result after it was rendered.
// expect: STILL BROKEN

/** Answers a search with the index's hits, and with suggested searches from the (slow) suggester. */
public class SearchService implements Search {

    private final Index index;
    private final Suggester suggester;

    public SearchService(Index index, Suggester suggester) {
        this.index = index;
        this.suggester = suggester;
    }

    @Override
    public SearchResult search(String query) {
        SearchResult result = new SearchResult(query);
        CompletableFuture<Void> suggestions =
                CompletableFuture.runAsync(() -> result.addSuggestions(suggester.suggest(query)));
        result.addHits(index.lookup(query));
        try {
            suggestions.get(100, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // render what we have
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
