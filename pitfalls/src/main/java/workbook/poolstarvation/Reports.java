package workbook.poolstarvation;

import java.util.List;
import java.util.concurrent.ExecutionException;

/**
 * Renders the month-end reports on the application's shared worker pool, given at construction: the pool is shared
 * with the rest of the application, and operations size it, from one thread up.
 */
public interface Reports {

    /**
     * Renders every report, all at once, and each report's sections at once: the reports on the executor given, their
     * sections on it too, or on threads of this class's own that are gone when it returns. Returns the pages in the
     * order of the reports, each its title and then its sections in order, as soon as every one is rendered. Works on
     * an executor of any size, a single thread included. Leaves the executor running: others use it.
     */
    List<String> renderAll(List<Report> reports) throws InterruptedException, ExecutionException;
}
