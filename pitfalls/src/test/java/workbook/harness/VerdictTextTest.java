package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class VerdictTextTest {

    private final String text = VerdictText.render(VerdictJsonTest.everyKindOfEvidence());

    @Test
    void startsWithTheOutcomeAndTheSummary() {
        assertTrue(text.startsWith("lock-ordering (broken): REPRODUCED DEADLOCK\n  deadlocked\n"), text);
    }

    @Test
    void wrapsTheSummaryAndNotesToTheWidthBetweenWords() {
        Verdict verdict = VerdictJsonTest.everyKindOfEvidence();
        Verdict wordy = new Verdict(verdict.pitfall(), verdict.variant(), verdict.outcome(), verdict.kind(),
                "forty calls each returned the lowest price, yet 120 threads they started are still alive",
                List.of(new Evidence.Note("close() returned after 3 ms; the store holds nothing\nmissing: #01, #02"),
                        new Evidence.Count("heartbeat tasks still scheduled after close", 0, 3)),
                verdict.timings(), verdict.output());

        String wrapped = VerdictText.render(wordy, 40);

        assertTrue(wrapped.contains("\n  forty calls each returned the lowest\n  price, yet 120 threads they started\n"
                + "  are still alive\n"), wrapped);
        assertTrue(
                wrapped.contains("\n  close() returned after 3 ms; the store\n  holds nothing\n  missing: #01, #02\n"),
                wrapped);
        assertTrue(
                wrapped.contains(
                        "\n  heartbeat tasks still scheduled after\n  close: expected 0, got 3 (3 too many)\n"),
                wrapped);
    }

    @Test
    void anIndentedLineKeepsItsIndentWhenItWraps() {
        Verdict verdict = VerdictJsonTest.everyKindOfEvidence();
        Verdict listed = new Verdict(verdict.pitfall(), verdict.variant(), verdict.outcome(), verdict.kind(),
                "summary", List.of(new Evidence.Note("What it got:\n    [alice, bob, carol, dave, erin, frank]")),
                verdict.timings(), verdict.output());

        String wrapped = VerdictText.render(listed, 30);

        assertTrue(wrapped.contains("\n  What it got:\n      [alice, bob, carol,\n      dave, erin, frank]\n"),
                wrapped);
    }

    @Test
    void readsTheLockCycleAsSentences() {
        assertTrue(text.contains("teller-1 holds account A and waits for account B (held by teller-2)"), text);
    }

    @Test
    void showsCountsStacksTimelinesAndOutput() {
        assertTrue(text.contains("views: expected 400,000, got 263,540 (136,460 missing)"), text);
        assertTrue(text.contains("\"teller-1\" BLOCKED on account B owned by \"teller-2\""), text);
        assertTrue(text.contains("at workbook.lockordering.AccountTransfers.transfer(AccountTransfers.java:10)"), text);
        assertTrue(text.contains("12 ms  poller"), text);
        assertTrue(text.contains("  | printed"), text);
        assertTrue(text.contains("10  " + "#".repeat(40) + " 23"), text);
    }

    @Test
    void aPlotsLimitIsAColumnThatBarsReachAndPass() {
        assertTrue(text.contains("| marks the API's limit: 8\n"), text);
        String below = "#".repeat(5) + " ".repeat(15) + "|";
        String at = "#".repeat(20) + "|";
        String past = "#".repeat(20) + "|" + "#".repeat(19);
        assertTrue(text.contains("\n     0  " + below + " 2\n"), text);
        assertTrue(text.contains("\n    10  " + at + " 8\n"), text);
        assertTrue(text.contains("\n    20  " + past + " 16\n"), text);
    }

    @Test
    void aTrialThatNeverReportedHasNoEvidenceTime() {
        Verdict never = new Verdict("lost-update", Variant.MINE, Outcome.INCONCLUSIVE, null,
                "the trial JVM did not report", List.of(), new Verdict.Timings(15_000, 0, 0), "");

        String text = VerdictText.render(never);

        assertTrue(text.contains("Time: trial 15,000 ms (JVM included)"), text);
        assertTrue(!text.contains("evidence at"), text);
    }
}
