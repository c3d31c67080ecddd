package workbook.checkthenact;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

// Wrong fix: putIfAbsent is atomic, so use it. But its argument is evaluated first: every request logs the user in,
// and each login ends the session before it, whether or not the map keeps it.
// expect: STILL BROKEN

/** Logs each user in on their first request and keeps the session for the requests after it. */
public class SessionCache implements Sessions {

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionFactory backend;

    public SessionCache(SessionFactory backend) {
        this.backend = backend;
    }

    @Override
    public Session sessionFor(String user) {
        sessions.putIfAbsent(user, backend.open(user));
        return sessions.get(user);
    }
}
