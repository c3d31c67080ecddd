package workbook.lostatexit;

import java.util.List;

/** Exports a batch of records. When {@link #exportAll} returns, the batch is exported and the program may end. */
public interface Exporter {

    void exportAll(List<String> records);
}
