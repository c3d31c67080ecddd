package workbook.mutatedafterreturn;

/** Answers a search; the caller renders the result as the page the user sees. */
public interface Search {

    SearchResult search(String query);
}
