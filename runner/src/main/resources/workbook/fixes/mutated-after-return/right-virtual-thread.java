package workbook.mutatedafterreturn;

// Right fix, another way: the suggester runs on a virtual thread while the index looks up the hits, and search()
// joins that thread before it returns, so nothing changes the result after the caller has it.
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
        Thread suggesting = Thread.ofVirtual().name("suggest-" + query)
                .start(() -> result.addSuggestions(suggester.suggest(query)));
        try {
            result.addHits(index.lookup(query));
            return result;
        } finally {
            try {
                suggesting.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
