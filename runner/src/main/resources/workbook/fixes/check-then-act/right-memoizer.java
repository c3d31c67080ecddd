package workbook.checkthenact;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

// Right fix, another way than the reference: a map of futures. The request whose future goes in first does the
// login; every other request for that user waits on the same future. The login runs outside the map's lock.
// expect: FIXED

/** Logs each user in on their first request and keeps the session for the requests after it. */
public class SessionCache implements Sessions {

    private final ConcurrentMap<String, CompletableFuture<Session>> sessions = new ConcurrentHashMap<>();
    private final SessionFactory backend;

    public SessionCache(SessionFactory backend) {
        this.backend = backend;
    }

    @Override
    public Session sessionFor(String user) {
        CompletableFuture<Session> mine = new CompletableFuture<>();
        CompletableFuture<Session> existing = sessions.putIfAbsent(user, mine);
        if (existing != null) {
            return existing.join();
        }
        try {
            mine.complete(backend.open(user));
        } catch (RuntimeException e) {
            sessions.remove(user, mine);
            mine.completeExceptionally(e);
        }
        return mine.join();
    }
}
