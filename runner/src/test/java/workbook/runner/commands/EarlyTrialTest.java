package workbook.runner.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import workbook.harness.Outcome;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;

/** The trial {@code main} starts for a plain {@code run <id>}, and {@code run} claiming it, or not. */
class EarlyTrialTest {

    private final List<String> started = new CopyOnWriteArrayList<>();
    private final TrialLauncher recording = new TrialLauncher() {
        @Override
        public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
            started.add(pitfall + " " + variant + " " + budget.toSeconds());
            return new Verdict(pitfall, variant, Outcome.CLEAN, null, "head start", List.of(),
                    new Verdict.Timings(1, 1, 1), "");
        }
    };

    @Test
    void aPlainRunIsStartedByMainAndClaimedByTheRunCommand() {
        EarlyTrial.headStart(new String[]{"run", "--fixed", "lost-update"}, recording);
        EarlyTrial claimed = EarlyTrial.claim("lost-update", Variant.FIXED, EarlyTrial.DEFAULT_BUDGET_SECONDS,
                () -> {
                    throw new AssertionError("the head start was not claimed");
                });

        assertEquals("head start", claimed.verdict().summary());
        assertEquals(List.of("lost-update FIXED " + EarlyTrial.DEFAULT_BUDGET_SECONDS), started);
    }

    @Test
    void anythingButAPlainRunOfAPitfallStartsNothing() {
        for (String[] args : List.of(new String[]{"run", "lost-update", "--hold"},
                new String[]{"run", "lost-update", "--budget", "9"}, new String[]{"run", "no-such-pitfall"},
                new String[]{"check", "lost-update"}, new String[]{"run"},
                new String[]{"run", "--fixed", "--fixed", "lost-update"})) {
            EarlyTrial.headStart(args, recording);
        }
        Verdict own = new Verdict("lost-update", Variant.BROKEN, Outcome.CLEAN, null, "its own", List.of(),
                new Verdict.Timings(1, 1, 1), "");

        assertSame(own, EarlyTrial.claim("lost-update", Variant.BROKEN, 9, () -> own).verdict());
        assertEquals(List.of(), started);
    }

    @Test
    void aHeadStartOfAnotherRunIsStoppedAndTheRunStartsItsOwn() {
        EarlyTrial.headStart(new String[]{"run", "lost-update"}, recording);
        Verdict own = new Verdict("lost-update", Variant.BROKEN, Outcome.CLEAN, null, "its own", List.of(),
                new Verdict.Timings(1, 1, 1), "");

        assertSame(own, EarlyTrial.claim("lost-update", Variant.BROKEN, 9, () -> own).verdict());
        // Claimed or stopped, a head start is used once: the next run starts its own.
        assertSame(own, EarlyTrial.claim("lost-update", Variant.BROKEN, EarlyTrial.DEFAULT_BUDGET_SECONDS,
                () -> own).verdict());
    }
}
