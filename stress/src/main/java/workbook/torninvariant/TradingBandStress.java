package workbook.torninvariant;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.JJ_Result;

/** The market feed moves the band from 100..200 to 300..400 while an order is checked against it. */
public class TradingBandStress {

    @JCStressTest
    @Description("outcome: the low and the high of the band the order check saw")
    @Outcome(id = "100, 200", expect = ACCEPTABLE, desc = "the old band, whole")
    @Outcome(id = "300, 400", expect = ACCEPTABLE, desc = "the new band, whole")
    @Outcome(id = "300, 200", expect = ACCEPTABLE_INTERESTING, desc = "torn: the new low with the old high, low above high")
    @Outcome(id = "100, 400", expect = ACCEPTABLE_INTERESTING, desc = "torn: the old low with the new high, a band never set")
    @State
    public static class Broken {
        private final TradingBand band = new TradingBand(100, 200);

        @Actor
        public void marketFeed() {
            band.move(300, 400);
        }

        @Actor
        public void orderCheck(JJ_Result r) {
            Band seen = band.current();
            r.r1 = seen.low();
            r.r2 = seen.high();
        }
    }

    @JCStressTest
    @Description("outcome: the low and the high of the band the order check saw")
    @Outcome(id = "100, 200", expect = ACCEPTABLE, desc = "the old band, whole")
    @Outcome(id = "300, 400", expect = ACCEPTABLE, desc = "the new band, whole")
    @Outcome(id = "300, 200", expect = FORBIDDEN, desc = "torn: the new low with the old high, low above high")
    @Outcome(id = "100, 400", expect = FORBIDDEN, desc = "torn: the old low with the new high, a band never set")
    @State
    public static class Fixed {
        private final TradingBand band = new TradingBand(100, 200);

        @Actor
        public void marketFeed() {
            band.move(300, 400);
        }

        @Actor
        public void orderCheck(JJ_Result r) {
            Band seen = band.current();
            r.r1 = seen.low();
            r.r2 = seen.high();
        }
    }
}
