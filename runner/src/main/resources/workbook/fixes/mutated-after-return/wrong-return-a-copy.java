package workbook.mutatedafterreturn;

import java.util.concurrent.CompletableFuture;

// Wrong fix: return a copy of the result, so that what the task adds later cannot change what the caller holds.
// The caller's result never changes, but it never gets its suggestions either: they go to an object nobody reads.
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
        result.addHits(index.lookup(query));
        CompletableFuture.runAsync(() -> result.addSuggestions(suggester.suggest(query)));
        SearchResult copy = new SearchResult(query);
        copy.addHits(result.hits());
        copy.addSuggestions(result.suggestions());
        return copy;
    }
}
