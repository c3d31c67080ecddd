package workbook.threadlocalbleed;

import java.util.Optional;

/**
 * The user the current thread works for, like Spring Security's {@code SecurityContextHolder} or SLF4J's
 * {@code MDC}: set once where a request comes in, read anywhere below without passing it along.
 */
public final class CurrentUser {

    private static final ThreadLocal<String> USER = new ThreadLocal<>();

    private CurrentUser() {
    }

    public static void set(String user) {
        USER.set(user);
    }

    /** The signed-in user, or empty for an anonymous request. */
    public static Optional<String> get() {
        return Optional.ofNullable(USER.get());
    }

    public static void clear() {
        USER.remove();
    }
}
