package workbook.mutatedafterreturn;

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
            // Suggestions matter most when the lookup finds nothing, or fails: ask in any case. They are part of
            // the result, so add them before it leaves this method; a task that outlives the call would change the
            // result under the caller, after it has been rendered.
            result.addSuggestions(suggester.suggest(query));
        }
    }
}
