package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.harness.Evidence.ThreadView;

class VerdictJsonTest {

    static final ThreadView TELLER = new ThreadView("teller-1", "BLOCKED", "account B", "teller-2",
            List.of("account A"), List.of("workbook.lockordering.AccountTransfers.transfer(AccountTransfers.java:10)"));

    static Verdict everyKindOfEvidence() {
        return new Verdict("lock-ordering", Variant.BROKEN, Outcome.REPRODUCED, FailureKind.DEADLOCK, "deadlocked",
                List.of(new Evidence.Count("views", 400_000, 263_540), new Evidence.Note("a note"),
                        new Evidence.Threads("leaked", List.of(TELLER)),
                        new Evidence.LockCycle(
                                List.of(new Evidence.LockEdge("teller-1", List.of("account A"), "account B",
                                        "teller-2")),
                                List.of(TELLER)),
                        new Evidence.Timeline("ticks", List.of(new Evidence.Event(12, "poller", "tick"))),
                        new Evidence.Series("threads", "calls", "live threads",
                                List.of(new Evidence.Point(0, 3), new Evidence.Point(10, 23))),
                        new Evidence.Series("callers inside the API", "ms", "callers", List.of(
                                new Evidence.Point(0, 2), new Evidence.Point(10, 8), new Evidence.Point(20, 16)),
                                new Evidence.Limit(8, "the API's limit"))),
                new Verdict.Timings(900, 300, 120), "printed");
    }

    @Test
    void everyFieldSurvivesTheRoundTrip() {
        Verdict verdict = everyKindOfEvidence();

        assertEquals(verdict, VerdictJson.read(VerdictJson.write(verdict)));
    }

    @Test
    void machinesReadTheOutcomeTheKindAndWhetherItWasExpected() {
        String json = VerdictJson.write(everyKindOfEvidence());

        assertTrue(json.contains("\"outcome\" : \"REPRODUCED\""), json);
        assertTrue(json.contains("\"kind\" : \"DEADLOCK\""), json);
        assertTrue(json.contains("\"type\" : \"lock-cycle\""), json);
        assertTrue(json.contains("\"asExpected\" : true"), json);
    }

    @Test
    void aPlotWithoutALimitReadsFromJsonWrittenBeforeLimitsExisted() {
        String old = "{\"type\": \"series\", \"caption\": \"threads\", \"xLabel\": \"calls\", "
                + "\"yLabel\": \"live threads\", \"points\": [{\"x\": 0, \"y\": 3}]}";
        String json = VerdictJson.write(everyKindOfEvidence()).replaceFirst("\"evidence\" : \\[",
                "\"evidence\" : [ " + java.util.regex.Matcher.quoteReplacement(old) + ",");

        Evidence first = VerdictJson.read(json).evidence().get(0);

        assertEquals(new Evidence.Series("threads", "calls", "live threads", List.of(new Evidence.Point(0, 3))),
                first);
    }
}
