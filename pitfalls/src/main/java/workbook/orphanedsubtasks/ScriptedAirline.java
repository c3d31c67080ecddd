package workbook.orphanedsubtasks;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The scenario's airline: pages through the fares its script gives for each route, recording every page on the
 * request's timeline, and stops at an interrupt like a real HTTP client's blocking read would. Closing it ends the
 * searches nobody stopped, at their next page.
 */
final class ScriptedAirline implements FareSource {

    private final String name;
    private final Map<String, Request> requests;
    private volatile boolean closed;

    ScriptedAirline(String name, Map<String, Request> requests) {
        this.name = name;
        this.requests = requests;
    }

    static Map<String, Request> registry() {
        return new ConcurrentHashMap<>();
    }

    @Override
    public List<String> search(String route) throws InterruptedException {
        Request request = requests.get(route);
        if (request == null) {
            throw new IllegalArgumentException("no such route: " + route);
        }
        Leg leg = request.legs.get(name);
        leg.started();
        try {
            for (int page = 1; page <= leg.pages; page++) {
                if (closed) {
                    throw new IllegalStateException(name + " closed by the workbook: this search was never stopped");
                }
                // On the timeline before it counts: the scenario cancels on the count, after the page is shown.
                boolean afterCancel = request.cancelled();
                request.probe.work(name + " page " + page + " of " + leg.pages);
                leg.pageBegun(afterCancel);
                Thread.sleep(leg.pageTime);
            }
            return leg.fares;
        } finally {
            leg.ended();
        }
    }

    void close() {
        closed = true;
    }
}
