package workbook.lostupdate;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.J_Result;

/** Two requests record a view of the same page at once; then the page's count is read. */
public class PageViewCounterStress {

    @JCStressTest
    @Description("outcome: the page's count of views after both requests")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both views counted")
    @Outcome(id = "1", expect = ACCEPTABLE_INTERESTING, desc = "a view lost: both requests read the same count")
    @State
    public static class Broken {
        private final PageViewCounter counter = new PageViewCounter();

        @Actor
        public void firstRequest() {
            counter.recordView();
        }

        @Actor
        public void secondRequest() {
            counter.recordView();
        }

        @Arbiter
        public void count(J_Result r) {
            r.r1 = counter.views();
        }
    }

    @JCStressTest
    @Description("outcome: the page's count of views after both requests")
    @Outcome(id = "2", expect = ACCEPTABLE, desc = "both views counted")
    @Outcome(id = "1", expect = FORBIDDEN, desc = "a view lost: both requests read the same count")
    @State
    public static class Fixed {
        private final PageViewCounter counter = new PageViewCounter();

        @Actor
        public void firstRequest() {
            counter.recordView();
        }

        @Actor
        public void secondRequest() {
            counter.recordView();
        }

        @Arbiter
        public void count(J_Result r) {
            r.r1 = counter.views();
        }
    }
}
