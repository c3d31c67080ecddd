package workbook.cancelthatdoesnt;

import java.util.List;

/** Where finished exports go. */
public interface Archive {

    /** Stores the pages as one file and returns where it is. */
    String store(String name, List<Page> pages);
}
