package workbook.mutatedafterreturn;

import java.util.List;

/** Suggests other searches: spelling fixes ("did you mean") and related searches. Slow, slower still for typos. */
public interface Suggester {

    List<String> suggest(String query);
}
