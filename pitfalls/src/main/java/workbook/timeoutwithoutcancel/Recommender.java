package workbook.timeoutwithoutcancel;

import java.util.List;

/** The recommendation engine: a query that can take a while, and stops when its thread is interrupted. */
public interface Recommender {

    List<String> recommend(String user) throws InterruptedException;
}
