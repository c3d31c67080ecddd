package workbook.cancelthatdoesnt;

import java.util.concurrent.Future;

/**
 * Report exports the user can cancel.
 *
 * <p>Promises:
 * <ul>
 * <li>{@code start} returns at once; the export runs on the executor it was given, which stays open;
 * <li>an export nobody cancels renders every page, stores them once, and its future gives where they are;
 * <li>{@code cancel(true)} on the future stops the export: at most the page under way is finished, no page is begun
 * after it, and nothing is stored; the other exports go on.
 * </ul>
 */
public interface Exports {

    Future<String> start(Export export);
}
