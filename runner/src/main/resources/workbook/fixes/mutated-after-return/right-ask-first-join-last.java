package workbook.mutatedafterreturn;

import java.util.List;
import java.util.concurrent.CompletableFuture;

// Right fix, another way: ask the suggester first, on another thread, so that it works while the index looks up the
// hits, and wait for its answer before the result leaves the method. The result is complete when it is returned.
// expect: FIXED

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
        CompletableFuture<List<String>> suggestions = CompletableFuture.supplyAsync(() -> suggester.suggest(query));
        try {
            result.addHits(index.lookup(query));
            return result;
        } finally {
            result.addSuggestions(suggestions.join());
        }
    }
}
