package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VerdictTextTest {

    private final String text = VerdictText.render(VerdictJsonTest.everyKindOfEvidence());

    @Test
    void startsWithTheOutcomeAndTheSummary() {
        assertTrue(text.startsWith("lock-ordering (broken): REPRODUCED DEADLOCK\n  deadlocked\n"), text);
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
}
