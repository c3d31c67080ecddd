package workbook.checkthenact;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

// Wrong fix: synchronized on the whole method. Each user is logged in once, but every request of every user now
// waits for whichever login is under way: one slow login holds up the whole shop.
// expect: DOES NOT WORK

/** Logs each user in on their first request and keeps the session for the requests after it. */
public class SessionCache implements Sessions {

    private final ConcurrentMap<String, Session> sessions = new ConcurrentHashMap<>();
    private final SessionFactory backend;

    public SessionCache(SessionFactory backend) {
        this.backend = backend;
    }

    @Override
    public synchronized Session sessionFor(String user) {
        if (!sessions.containsKey(user)) {
            sessions.put(user, backend.open(user));
        }
        return sessions.get(user);
    }
}
