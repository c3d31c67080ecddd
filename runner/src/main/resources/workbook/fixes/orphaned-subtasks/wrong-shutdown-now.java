package workbook.orphanedsubtasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Wrong fix: when the request is interrupted, shutdownNow() the executor, which interrupts every search on it.
// Every request shares that executor: the other requests' searches are interrupted too, and later ones refused.
// expect: DOES NOT WORK

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
        } catch (InterruptedException e) {
            executor.shutdownNow();
            throw e;
        }
        return fares;
    }
}
