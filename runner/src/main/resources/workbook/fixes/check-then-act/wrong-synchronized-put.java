package workbook.checkthenact;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

// Wrong fix: lock around the write, since the write is what races. The check is still outside the lock, so every
// request that checked before the first put still logs the user in; they only put one at a time.
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
        if (!sessions.containsKey(user)) {
            Session session = backend.open(user);
            synchronized (this) {
                sessions.put(user, session);
            }
        }
        return sessions.get(user);
    }
}
