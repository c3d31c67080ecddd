package workbook.poolstarvation;

import java.util.List;

/** One month-end report, as the warehouse describes it. */
public interface Report {

    String title();

    /** Queries the warehouse for the report's data, split in sections: a few milliseconds. */
    List<Section> sections();

    /** One part of a report: a table or a chart. */
    interface Section {

        /** Runs the section's query and renders it: a few milliseconds. */
        String render();
    }
}
