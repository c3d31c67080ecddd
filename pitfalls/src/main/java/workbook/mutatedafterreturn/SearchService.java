package workbook.mutatedafterreturn;

import java.util.concurrent.CompletableFuture;

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
        try {
            result.addHits(index.lookup(query));
            return result;
        } finally {
            // Suggestions matter most when the lookup finds nothing, or fails: ask in any case, without making the
            // caller wait for the slow suggester.
            CompletableFuture.runAsync(() -> result.addSuggestions(suggester.suggest(query)));
        }
    }
}
