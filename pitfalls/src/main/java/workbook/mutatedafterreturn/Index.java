package workbook.mutatedafterreturn;

import java.util.List;

/** The product index: fast. */
public interface Index {

    /** The products matching the query; none when it has a typo. */
    List<String> lookup(String query);
}
