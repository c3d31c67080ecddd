package workbook.mutatedafterreturn;

import java.util.concurrent.CompletableFuture;

// Wrong fix: keep the suggestions asynchronous and sleep before returning, "long enough for the suggester". A
// suggestion slower than the sleep still lands after the page was rendered, and every search waits the full sleep
// however fast the suggester was.
// expect: DOES NOT WORK

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
        CompletableFuture.runAsync(() -> result.addSuggestions(suggester.suggest(query)));
        result.addHits(index.lookup(query));
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return result;
    }
}
