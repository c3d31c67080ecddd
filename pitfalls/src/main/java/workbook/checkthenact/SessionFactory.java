package workbook.checkthenact;

/** The backend's login. */
public interface SessionFactory {

    /**
     * Logs the user in and returns their new session. Slow: a network round trip. The backend keeps one session per
     * user, so logging a user in again ends the session they had.
     */
    Session open(String user);
}
