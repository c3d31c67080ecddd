package workbook.unsafepublication;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

/**
 * Two request threads ask a fresh holder for its settings at the same moment: one of them loads them, the other may
 * find them published by the first. Recorded, for each: 1 if every field it read was set, 0 if it saw the settings
 * half-built. x86 keeps stores in order, and this class has never shown it here; ARM and POWER may.
 */
public class LazySettingsStress {

    static final SettingsFile FILE = () -> "host=db.internal\nport=5432\ntimeoutMillis=2500\nmaxRetries=3";

    static int whole(ConnectionSettings seen) {
        return "db.internal".equals(seen.host()) && seen.port() == 5432 && seen.timeoutMillis() == 2500
                && seen.maxRetries() == 3 ? 1 : 0;
    }

    @JCStressTest
    @Description("outcome: 1 if the first request saw every setting set, 0 if half-built; then the same for the second")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both requests saw the settings whole")
    @Outcome(expect = ACCEPTABLE_INTERESTING, desc = "a request saw the settings published before their fields were set")
    @State
    public static class Broken {
        private final LazySettings holder = new LazySettings(FILE);

        @Actor
        public void firstRequest(II_Result r) {
            r.r1 = whole(holder.settings());
        }

        @Actor
        public void secondRequest(II_Result r) {
            r.r2 = whole(holder.settings());
        }
    }

    @JCStressTest
    @Description("outcome: 1 if the first request saw every setting set, 0 if half-built; then the same for the second")
    @Outcome(id = "1, 1", expect = ACCEPTABLE, desc = "both requests saw the settings whole")
    @Outcome(expect = FORBIDDEN, desc = "a request saw the settings published before their fields were set")
    @State
    public static class Fixed {
        private final LazySettings holder = new LazySettings(FILE);

        @Actor
        public void firstRequest(II_Result r) {
            r.r1 = whole(holder.settings());
        }

        @Actor
        public void secondRequest(II_Result r) {
            r.r2 = whole(holder.settings());
        }
    }
}
