package workbook.mutatedafterreturn;

import java.util.ArrayList;
import java.util.List;

/** The answer to a search: the products found and the searches suggested. Safe to use from several threads. */
public final class SearchResult {

    private final String query;
    private final List<String> hits = new ArrayList<>();
    private final List<String> suggestions = new ArrayList<>();

    public SearchResult(String query) {
        this.query = query;
    }

    public String query() {
        return query;
    }

    public synchronized void addHits(List<String> found) {
        hits.addAll(found);
    }

    public synchronized void addSuggestions(List<String> suggested) {
        suggestions.addAll(suggested);
    }

    public synchronized List<String> hits() {
        return List.copyOf(hits);
    }

    public synchronized List<String> suggestions() {
        return List.copyOf(suggestions);
    }

    @Override
    public synchronized String toString() {
        return "SearchResult[query=" + query + ", hits=" + hits + ", suggestions=" + suggestions + "]";
    }
}
