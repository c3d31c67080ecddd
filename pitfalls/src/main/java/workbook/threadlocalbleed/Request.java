package workbook.threadlocalbleed;

/**
 * An incoming request.
 *
 * @param sessionUser the user whose session cookie came with the request, or {@code null} if it came without one
 */
public record Request(int number, String method, String path, String sessionUser) {
}
