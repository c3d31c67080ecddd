package workbook.sharedformatter;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZ_Result;

/**
 * Two threads log at once through the one shared format, each its own instant, years apart. Recorded: whether each
 * got its own timestamp, right to the millisecond.
 */
public class LogTimestampsStress {

    static final long MARCH_2026 = 1_773_480_413_589L;
    static final String MARCH_2026_TEXT = "2026-03-14 09:26:53.589";
    static final long NEW_YEARS_EVE_1999 = 946_684_799_999L;
    static final String NEW_YEARS_EVE_1999_TEXT = "1999-12-31 23:59:59.999";

    static boolean formats(TimestampFormat format, long instant, String expected) {
        try {
            return format.format(instant).equals(expected);
        } catch (RuntimeException e) {
            return false; // a shared SimpleDateFormat may also throw from the middle of another call
        }
    }

    @JCStressTest
    @Description("outcome: whether the audit writer got its own timestamp, and whether the log shipper did")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "both got their own timestamp")
    @Outcome(id = ".*false.*", expect = ACCEPTABLE_INTERESTING, desc = "a wrong timestamp: part of the other call's")
    @State
    public static class Broken {
        private final LogTimestamps format = new LogTimestamps();

        @Actor
        public void auditWriter(ZZ_Result r) {
            r.r1 = formats(format, MARCH_2026, MARCH_2026_TEXT);
        }

        @Actor
        public void logShipper(ZZ_Result r) {
            r.r2 = formats(format, NEW_YEARS_EVE_1999, NEW_YEARS_EVE_1999_TEXT);
        }
    }

    @JCStressTest
    @Description("outcome: whether the audit writer got its own timestamp, and whether the log shipper did")
    @Outcome(id = "true, true", expect = ACCEPTABLE, desc = "both got their own timestamp")
    @Outcome(id = ".*false.*", expect = FORBIDDEN, desc = "a wrong timestamp: part of the other call's")
    @State
    public static class Fixed {
        private final LogTimestamps format = new LogTimestamps();

        @Actor
        public void auditWriter(ZZ_Result r) {
            r.r1 = formats(format, MARCH_2026, MARCH_2026_TEXT);
        }

        @Actor
        public void logShipper(ZZ_Result r) {
            r.r2 = formats(format, NEW_YEARS_EVE_1999, NEW_YEARS_EVE_1999_TEXT);
        }
    }
}
