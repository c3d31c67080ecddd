package workbook.orphanedsubtasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: cancel the other searches when one fails. That covers a failing airline; a cancelled request
// interrupts the aggregator in get(), which throws InterruptedException, not ExecutionException.
// expect: STILL BROKEN

/** Searches every airline at once for a route, and merges their fares. */
public class FareAggregator implements FareSearch {

    private final List<FareSource> airlines;
    private final ExecutorService executor;

    public FareAggregator(List<FareSource> airlines, ExecutorService executor) {
        this.airlines = airlines;
        this.executor = executor;
    }

    @Override
    public List<String> search(String route) throws InterruptedException, ExecutionException {
        List<Future<List<String>>> searches = new ArrayList<>();
        for (FareSource airline : airlines) {
            searches.add(executor.submit(() -> airline.search(route)));
        }
        List<String> fares = new ArrayList<>();
        try {
            for (Future<List<String>> search : searches) {
                fares.addAll(search.get());
            }
        } catch (ExecutionException e) {
            for (Future<List<String>> search : searches) {
                search.cancel(true);
            }
            throw e;
        }
        return fares;
    }
}
