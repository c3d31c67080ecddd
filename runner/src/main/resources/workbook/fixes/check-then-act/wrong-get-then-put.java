package workbook.checkthenact;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

// Wrong fix: one lookup instead of two, and the session returned is the one this request opened. Still a check
// and then an act: every request that gets null before the first put logs the user in.
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
        Session session = sessions.get(user);
        if (session == null) {
            session = backend.open(user);
            sessions.put(user, session);
        }
        return session;
    }
}
