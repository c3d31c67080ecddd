package workbook.checkthenact;

/**
 * A user's logged-in session with the backend.
 *
 * @param number the backend's number for it, unique across users
 */
public record Session(String user, int number) {
}
