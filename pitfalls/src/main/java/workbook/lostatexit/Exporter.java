package workbook.lostatexit;

import java.util.List;

/**
 * Exports a batch of records, several writes at a time (each is a slow network call). When {@link #exportAll}
 * returns, the batch is exported and the program may end.
 */
public interface Exporter {

    void exportAll(List<String> records);
}
