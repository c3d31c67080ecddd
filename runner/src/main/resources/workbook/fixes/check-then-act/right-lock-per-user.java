package workbook.checkthenact;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

// Right fix, another way than the reference: the same check and act, under a lock of the user's own, so that the
// requests of one user take turns and those of different users do not wait for each other.
// expect: FIXED

/** Logs each user in on their first request and keeps the session for the requests after it. */
public class SessionCache implements Sessions {

    private final Map<String, Session> sessions = new HashMap<>();
    private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();
    private final SessionFactory backend;

    public SessionCache(SessionFactory backend) {
        this.backend = backend;
    }

    @Override
    public Session sessionFor(String user) {
        synchronized (locks.computeIfAbsent(user, u -> new Object())) {
            Session session;
            synchronized (sessions) {
                session = sessions.get(user);
            }
            if (session == null) {
                session = backend.open(user);
                synchronized (sessions) {
                    sessions.put(user, session);
                }
            }
            return session;
        }
    }
}
