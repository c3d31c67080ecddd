package workbook.checkthenact;

/** The sessions of the shop's users, kept for the requests that need them. */
public interface Sessions {

    /**
     * The user's session: opened on their first request, the same one on every request after it. The promises
     * beyond the session: it logs each user in once, however many of their requests arrive together (a second login
     * ends the first session, and logs the user out); every caller gets the session that is open; and callers for
     * different users do not wait for each other's login.
     */
    Session sessionFor(String user);
}
