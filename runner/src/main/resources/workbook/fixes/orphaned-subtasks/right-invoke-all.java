package workbook.orphanedsubtasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

// Right fix, another way: invokeAll. It runs the searches on the executor and waits for all of them; if the
// waiting thread is interrupted, it cancels (with an interrupt) every search not done before it throws.
// expect: FIXED

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
        List<Callable<List<String>>> searches = new ArrayList<>();
        for (FareSource airline : airlines) {
            searches.add(() -> airline.search(route));
        }
        List<String> fares = new ArrayList<>();
        for (Future<List<String>> search : executor.invokeAll(searches)) {
            fares.addAll(search.get());
        }
        return fares;
    }
}
