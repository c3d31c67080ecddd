package workbook.checkthenact;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.Delays;

/**
 * The scenario's backend: a login takes a few milliseconds (drawn anew for each), is recorded with its thread and
 * times, and ends the session the user had before. One user's login can be held until the scenario lets it go, to
 * see whether another user's request waits for it.
 */
final class Backend implements SessionFactory {

    static final Duration FASTEST_LOGIN = Duration.ofMillis(1);
    static final Duration SLOWEST_LOGIN = Duration.ofMillis(5);
    /** A held login ends by itself after this long, should the scenario never let it go. */
    static final Duration HOLD_LIMIT = Duration.ofSeconds(3);

    /**
     * One login.
     *
     * @param ended the session it ended, or null if the user had none
     */
    record Login(String thread, String user, long startNanos, long endNanos, Session session, Session ended) {
    }

    private final AtomicInteger numbers;
    private final Map<String, Session> open = new ConcurrentHashMap<>();
    private final Queue<Login> logins = new ConcurrentLinkedQueue<>();
    private final String heldUser;
    private final CountDownLatch heldLoginStarted = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    /** A backend whose logins all take a few milliseconds; session numbers come from {@code numbers}. */
    Backend(AtomicInteger numbers) {
        this(numbers, null);
    }

    /** A backend that holds {@code heldUser}'s login until {@link #release()}. */
    Backend(AtomicInteger numbers, String heldUser) {
        this.numbers = numbers;
        this.heldUser = heldUser;
    }

    @Override
    public Session open(String user) {
        long started = System.nanoTime();
        try {
            if (user.equals(heldUser)) {
                heldLoginStarted.countDown();
                release.await(HOLD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } else {
                Thread.sleep(Delays.between(FASTEST_LOGIN, SLOWEST_LOGIN));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the login of " + user + " was interrupted", e);
        }
        Session session = new Session(user, numbers.incrementAndGet());
        Session ended = open.put(user, session);
        logins.add(new Login(Thread.currentThread().getName(), user, started, System.nanoTime(), session, ended));
        return session;
    }

    /** The user's logins so far, in the order they started. */
    List<Login> loginsFor(String user) {
        return logins.stream().filter(login -> login.user().equals(user))
                .sorted(Comparator.comparingLong(Login::startNanos)).toList();
    }

    int loginCount() {
        return logins.size();
    }

    /** Whether the backend still holds this session, or has ended it (or never opened it). */
    boolean isOpen(Session session) {
        return session.equals(open.get(session.user()));
    }

    boolean awaitHeldLogin(Duration patience) throws InterruptedException {
        return heldLoginStarted.await(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    void release() {
        release.countDown();
    }
}
