package workbook.orphanedsubtasks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;

// Wrong fix: search the airlines one after another on the request's own thread, so that the request's interrupt
// reaches every search. It does, and a request now takes as long as all the airlines together.
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
        List<String> fares = new ArrayList<>();
        for (FareSource airline : airlines) {
            fares.addAll(airline.search(route));
        }
        return fares;
    }
}
