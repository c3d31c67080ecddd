package workbook.orphanedsubtasks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import workbook.harness.CancellationProbe;

/** One user's request: a route, each airline's leg of it, and the timeline of its search. */
final class Request {

    final String route;
    final CancellationProbe probe;
    final Map<String, Leg> legs = new LinkedHashMap<>();
    private volatile boolean searchEnded;

    /** Legs of 6 to 12 pages of 8 to 16 ms each, with 1 to 3 fares a page. */
    Request(String route, List<String> airlines, long origin, ThreadLocalRandom random) {
        this.route = route;
        this.probe = new CancellationProbe(origin);
        for (String airline : airlines) {
            int pages = random.nextInt(6, 13);
            List<String> fares = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                for (int fare = random.nextInt(1, 4); fare > 0; fare--) {
                    fares.add(airline + " " + route + " " + random.nextInt(49, 900) + " EUR");
                }
            }
            legs.put(airline, new Leg(airline, pages, Duration.ofMillis(random.nextLong(8, 17)), fares));
        }
    }

    /** The call of search for this request returned or threw. */
    void searchEnded() {
        searchEnded = true;
    }

    boolean hasSearchEnded() {
        return searchEnded;
    }

    boolean cancelled() {
        return probe.millisSinceCancel() >= 0;
    }

    List<String> allFares() {
        return legs.values().stream().flatMap(leg -> leg.fares.stream()).toList();
    }

    int fewestPagesBegun() {
        return legs.values().stream().mapToInt(Leg::begun).min().orElse(0);
    }

    /** Every leg has ended, or begun {@code pages} pages after the cancel. */
    boolean settled(int pages) {
        return legs.values().stream().allMatch(leg -> leg.hasEnded() || leg.begunAfterCancel() >= pages);
    }

    /** Whether at least two legs were searching at the same moment. */
    boolean ranInParallel() {
        List<Leg> all = new ArrayList<>(legs.values());
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                if (all.get(i).overlaps(all.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }
}
