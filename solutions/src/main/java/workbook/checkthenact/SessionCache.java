package workbook.checkthenact;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Logs each user in on their first request and keeps the session for the requests after it. */
public class SessionCache implements Sessions {

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionFactory backend;

    public SessionCache(SessionFactory backend) {
        this.backend = backend;
    }

    @Override
    public Session sessionFor(String user) {
        // One atomic step: the check and the login happen under the map's lock for this user's entry, so requests
        // that arrive together wait for the one login instead of each doing their own.
        return sessions.computeIfAbsent(user, backend::open);
    }
}
