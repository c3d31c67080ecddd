package workbook.mutatedafterreturn;

import java.util.List;
import java.util.concurrent.CompletableFuture;

// Wrong fix: wait for the suggester only when the index found nothing (a typo: "did you mean" is all the page has),
// and let the suggestions for the other searches arrive in the background. Those still change a result that has
// already been rendered.
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
        List<String> hits = index.lookup(query);
        result.addHits(hits);
        if (hits.isEmpty()) {
            result.addSuggestions(suggester.suggest(query));
        } else {
            CompletableFuture.runAsync(() -> result.addSuggestions(suggester.suggest(query)));
        }
        return result;
    }
}
