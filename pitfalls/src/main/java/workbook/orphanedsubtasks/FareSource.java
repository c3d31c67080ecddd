package workbook.orphanedsubtasks;

import java.util.List;

/** One airline's fare search: pages through its offers for a route, and stops when its thread is interrupted. */
public interface FareSource {

    List<String> search(String route) throws InterruptedException;
}
