package workbook.mutatedafterreturn;

/** Answers a search; the caller renders the result as the page the user sees. */
public interface Search {

    /**
     * The result of {@code query}, complete: its hits and its suggestions are in it when it is returned, and nothing
     * changes it afterwards. It returns as soon as the result is complete, not a fixed time later.
     */
    SearchResult search(String query);
}
