package workbook.checkthenact;

import java.util.concurrent.atomic.AtomicInteger;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

/**
 * Two requests of the same user arrive at once, before the user has a session: each asks the cache for it. Recorded:
 * the number of the session each request got, and how many logins the backend saw.
 */
public class SessionCacheStress {

    @JCStressTest
    @Description("outcome: the session number the first request got, the second request's, and the backend's logins")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "one login, and both requests got its session")
    @Outcome(id = ".*, 2", expect = ACCEPTABLE_INTERESTING, desc = "two logins: the second ended the first session")
    @State
    public static class Broken {
        private final AtomicInteger logins = new AtomicInteger();
        private final SessionCache cache = new SessionCache(user -> new Session(user, logins.incrementAndGet()));

        @Actor
        public void firstRequest(III_Result r) {
            r.r1 = cache.sessionFor("ada").number();
        }

        @Actor
        public void secondRequest(III_Result r) {
            r.r2 = cache.sessionFor("ada").number();
        }

        @Arbiter
        public void logins(III_Result r) {
            r.r3 = logins.get();
        }
    }

    @JCStressTest
    @Description("outcome: the session number the first request got, the second request's, and the backend's logins")
    @Outcome(id = "1, 1, 1", expect = ACCEPTABLE, desc = "one login, and both requests got its session")
    @Outcome(id = ".*, 2", expect = FORBIDDEN, desc = "two logins: the second ended the first session")
    @State
    public static class Fixed {
        private final AtomicInteger logins = new AtomicInteger();
        private final SessionCache cache = new SessionCache(user -> new Session(user, logins.incrementAndGet()));

        @Actor
        public void firstRequest(III_Result r) {
            r.r1 = cache.sessionFor("ada").number();
        }

        @Actor
        public void secondRequest(III_Result r) {
            r.r2 = cache.sessionFor("ada").number();
        }

        @Arbiter
        public void logins(III_Result r) {
            r.r3 = logins.get();
        }
    }
}
