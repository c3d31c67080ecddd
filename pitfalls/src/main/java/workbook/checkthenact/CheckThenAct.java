package workbook.checkthenact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import workbook.harness.CallerThread;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Subjects;
import workbook.harness.Trial;

/**
 * Page loads of a shop: the four requests of a page arrive together for a user who has no session yet, released at
 * the same moment ({@link PageLoad}), and each asks the cache under test for the user's session. A login to the
 * {@link Backend} takes a few milliseconds, and a second login for a user ends the session before it. Rounds repeat,
 * a new user each, until a user was logged in twice, or until enough page loads had their requests inside
 * sessionFor at the same time. Then, on a fresh cache, one user's login is held while another user asks: a cache
 * that makes every caller wait for every login (one lock for all) is caught there.
 */
public final class CheckThenAct implements Pitfall<Sessions> {

    static final int REQUESTS = 4;
    /** Page loads whose requests were in sessionFor together, after which a racy check would have shown. */
    static final int ENOUGH_PAGE_LOADS = 20;
    static final int MAX_PAGE_LOADS = 200;
    static final Duration CALL_LIMIT = Duration.ofSeconds(2);
    /** Users whose entries land in different bins of any hash table, so that no correct map makes one wait. */
    static final String HELD_USER = "ann";
    static final String OTHER_USER = "carol";
    /** How long another user's request may take while a login is held: far more than a login takes. */
    static final Duration OTHER_USER_LIMIT = Duration.ofMillis(500);

    @Override
    public String id() {
        return "check-then-act";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.RACE;
    }

    /** Both variants' threads end with the trial. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<SessionCache> subject() {
        return SessionCache.class;
    }

    @Override
    public Finding run(Class<? extends Sessions> implementation, Trial trial) throws Exception {
        long start = System.nanoTime();
        AtomicInteger numbers = new AtomicInteger(ThreadLocalRandom.current().nextInt(100));
        Backend backend = new Backend(numbers);
        Sessions sessions = Subjects.create(implementation, backend);
        int firstUser = ThreadLocalRandom.current().nextInt(1, 900);
        int pageLoads = 0;
        int together = 0;
        try (CallerThread caller = new CallerThread()) {
            while (pageLoads < MAX_PAGE_LOADS && together < ENOUGH_PAGE_LOADS && !trial.outOfTime()) {
                pageLoads++;
                String user = "user-" + (firstUser + pageLoads);
                PageLoad.Result page = PageLoad.run(sessions, user, REQUESTS, CALL_LIMIT, trial.lockNames());
                Finding wrong = judge(page, backend, user, start, trial);
                if (wrong != null) {
                    return wrong;
                }
                together += page.mostInFlight() >= 2 ? 1 : 0;
                Finding later = laterRequest(sessions, backend, user, page, caller, trial);
                if (later != null) {
                    return later;
                }
            }
        }
        if (together < ENOUGH_PAGE_LOADS) {
            return trial.inconclusive(String.format(Locale.ROOT,
                    "no user was logged in twice, but in only %d of %d page loads were two requests inside "
                            + "sessionFor() at the same time (%d needed): this machine is too busy to tell",
                    together, pageLoads, ENOUGH_PAGE_LOADS));
        }
        Finding waited = otherUserWaits(implementation, numbers, trial);
        if (waited != null) {
            return waited;
        }
        return trial.clean(String.format(Locale.ROOT,
                "%d page loads of %d requests each, in %d of them two or more inside sessionFor() at once: each user "
                        + "was logged in once and every request got the open session; a request for %s went on "
                        + "while %s's login was under way",
                pageLoads, REQUESTS, together, OTHER_USER, HELD_USER),
                new Count("logins, one per user", pageLoads, backend.loginCount()));
    }

    /** What was wrong with one page load, or null. */
    private static Finding judge(PageLoad.Result page, Backend backend, String user, long start, Trial trial) {
        String call = "sessionFor(\"" + user + "\")";
        if (!page.stuck().isEmpty()) {
            return trial.notWorking(call + " did not return within " + CALL_LIMIT.toMillis() + " ms on "
                    + page.stuck().size() + " of " + REQUESTS + " requests",
                    new Evidence.Threads("Where they were stuck", page.stuck()));
        }
        for (PageLoad.Call request : page.calls()) {
            if (request.failure() != null) {
                return trial.notWorking(call + " threw " + request.failure() + " on " + request.thread());
            }
            if (request.session() == null) {
                return trial.notWorking(call + " returned null on " + request.thread());
            }
            if (!request.session().user().equals(user)) {
                return trial.notWorking(call + " returned " + request.session().user() + "'s session on "
                        + request.thread());
            }
        }
        List<Backend.Login> logins = backend.loginsFor(user);
        if (logins.size() > 1) {
            return loggedInTwice(page, backend, user, logins, start, trial);
        }
        if (logins.isEmpty()) {
            return trial.notWorking(call + " returned a session the backend never opened: " + user
                    + " was never logged in");
        }
        return null;
    }

    private static Finding loggedInTwice(PageLoad.Result page, Backend backend, String user,
            List<Backend.Login> logins, long start, Trial trial) {
        List<String> who = logins.stream().map(Backend.Login::thread).distinct().toList();
        List<String> holdEnded = page.calls().stream().filter(c -> !backend.isOpen(c.session()))
                .map(c -> c.thread() + " (#" + c.session().number() + ")").toList();
        String summary = String.format(Locale.ROOT,
                "%s each found no session for %s and logged the user in: %d logins for one user, and each ended "
                        + "the session before it%s",
                and(who), user, logins.size(), holdEnded.isEmpty()
                        ? ""
                        : "; " + and(holdEnded) + (holdEnded.size() == 1 ? " holds" : " hold")
                                + " a session the backend has ended, and the user is logged out on the next click");
        return trial.reproduced(FailureKind.RACE, summary, new Count("logins for " + user, 1, logins.size()),
                new Evidence.Timeline("The page's " + REQUESTS + " requests, in ms since the trial started",
                        timeline(page, backend, user, logins, start)));
    }

    private static List<Event> timeline(PageLoad.Result page, Backend backend, String user,
            List<Backend.Login> logins, long start) {
        record Stamped(long nanos, Event event) {
        }
        List<Stamped> events = new ArrayList<>();
        for (Backend.Login login : logins) {
            events.add(new Stamped(login.startNanos(), new Event(millis(login.startNanos(), start), login.thread(),
                    "found no session for " + user + ": logs the user in")));
            events.add(new Stamped(login.endNanos(), new Event(millis(login.endNanos(), start), login.thread(),
                    "login done: session #" + login.session().number() + (login.ended() == null
                            ? ""
                            : "; the backend ends #" + login.ended().number()))));
        }
        for (PageLoad.Call call : page.calls()) {
            events.add(new Stamped(call.endNanos(), new Event(millis(call.endNanos(), start), call.thread(),
                    "sessionFor() returned #" + call.session().number()
                            + (backend.isOpen(call.session()) ? "" : ", an ended session"))));
        }
        return events.stream().sorted(Comparator.comparingLong(Stamped::nanos)).map(Stamped::event).toList();
    }

    /** A request after the page load must get the same session without a new login; null if it does. */
    private static Finding laterRequest(Sessions sessions, Backend backend, String user, PageLoad.Result page,
            CallerThread caller, Trial trial) throws InterruptedException {
        Session[] later = new Session[1];
        CallerThread.Returned returned = caller.timed("sessionFor(\"" + user + "\") on the next page",
                CALL_LIMIT, () -> later[0] = sessions.sessionFor(user), trial.lockNames());
        if (!returned.ok()) {
            return returned.notWorking(trial);
        }
        Session had = page.calls().get(0).session();
        if (backend.loginsFor(user).size() > 1) {
            return trial.reproduced(FailureKind.RACE, String.format(Locale.ROOT,
                    "the next page's request for %s logged the user in again, although the first page had left "
                            + "session #%d open: every request logs in, and each login ends the one before it",
                    user, had.number()), new Count("logins for " + user, 1, backend.loginsFor(user).size()));
        }
        if (!had.equals(later[0])) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "the next page's request for %s got %s, not the open session #%d", user,
                    later[0] == null ? "null" : "session #" + later[0].number(), had.number()));
        }
        return null;
    }

    /** On a fresh cache: another user's request while a login is held must not wait for it; null if it did not. */
    private static Finding otherUserWaits(Class<? extends Sessions> implementation, AtomicInteger numbers,
            Trial trial) throws Exception {
        Backend backend = new Backend(numbers, HELD_USER);
        Sessions sessions = Subjects.create(implementation, backend);
        String heldCall = "sessionFor(\"" + HELD_USER + "\")";
        try (CallerThread held = new CallerThread("request-for-" + HELD_USER);
                CallerThread other = new CallerThread("request-for-" + OTHER_USER)) {
            Future<Session> first = held.submit(() -> sessions.sessionFor(HELD_USER));
            if (!backend.awaitHeldLogin(CALL_LIMIT)) {
                return trial.notWorking(heldCall + " did not log " + HELD_USER + " in within "
                        + CALL_LIMIT.toMillis() + " ms");
            }
            CallerThread.Returned returned = other.timed("sessionFor(\"" + OTHER_USER + "\")", OTHER_USER_LIMIT,
                    () -> sessions.sessionFor(OTHER_USER), trial.lockNames());
            backend.release();
            try {
                first.get(CALL_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return trial.notWorking(heldCall + " did not return within " + CALL_LIMIT.toMillis()
                        + " ms of its login being let go");
            } catch (ExecutionException e) {
                return trial.notWorking(heldCall + " threw " + e.getCause());
            }
            if (!returned.ok() && returned.problem().contains("did not return")) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "a request for %s waited more than %,d ms while %s's login was under way: callers for "
                                + "different users must not wait for each other's login, and one lock for all "
                                + "makes every user wait for the slowest login",
                        OTHER_USER, OTHER_USER_LIMIT.toMillis(), HELD_USER),
                        returned.evidence().toArray(Evidence[]::new));
            }
            if (!returned.ok()) {
                return returned.notWorking(trial);
            }
        }
        return null;
    }

    private static long millis(long nanos, long start) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - start);
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
