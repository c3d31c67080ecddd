package workbook.timeoutwithoutcancel;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The scenario's recommender: each user's query runs the steps its script says, on a connection of its own taken
 * from a small pool, and stops at an interrupt like a real JDBC query would. Closing it ends the queries nobody
 * stopped, at their next step.
 */
final class ScriptedRecommender implements Recommender {

    private final Map<String, Query> queries = new ConcurrentHashMap<>();
    private final AtomicInteger connectionsTaken = new AtomicInteger();
    private final AtomicInteger nextConnection = new AtomicInteger();
    private volatile boolean closed;

    void expect(Query query) {
        queries.put(query.user, query);
    }

    @Override
    public List<String> recommend(String user) throws InterruptedException {
        Query query = queries.get(user);
        if (query == null) {
            throw new IllegalArgumentException("no such user: " + user);
        }
        int connection = nextConnection.incrementAndGet();
        connectionsTaken.incrementAndGet();
        query.started(Thread.currentThread(), connection);
        try {
            for (int step = 1; step <= query.steps; step++) {
                if (closed) {
                    throw new IllegalStateException("recommender closed by the workbook: this query was never stopped");
                }
                query.probe.work(String.format(Locale.ROOT, "query for %s, step %d of %d (connection #%d)", user,
                        step, query.steps, connection));
                Thread.sleep(query.step);
            }
            query.answered();
            return query.answer;
        } finally {
            connectionsTaken.decrementAndGet();
            query.ended();
            query.probe.note("query for " + user + " ended: connection #" + connection + " given back");
        }
    }

    /** Connections taken by queries that have not ended. */
    int connectionsTaken() {
        return connectionsTaken.get();
    }

    void close() {
        closed = true;
    }
}
