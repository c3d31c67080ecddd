package workbook.runner.stress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbook.harness.Variant;
import workbook.runner.ExitCodes;
import workbook.runner.commands.StressCommand;
import workbook.runner.stress.StressMode;
import workbook.runner.stress.StressResult.Conclusion;
import workbook.runner.stress.StressResult.Grade;
import workbook.runner.stress.StressResult.Row;
import workbook.runner.stress.StressResult;
import workbook.runner.terminal.Style;

/** The outcome table and its conclusion, from results made up here (a real run is StressSuiteTest's). */
class StressTableTest {

    private static StressResult result(Variant variant, long lost, List<String> problems) {
        return new StressResult("lost-update", variant, "workbook.lostupdate.PageViewCounterStress.Broken",
                "outcome: the count", StressMode.SHORT, List.of(
                        new Row("1", lost, variant == Variant.BROKEN ? Grade.INTERESTING : Grade.FORBIDDEN,
                                "a view lost"),
                        new Row("2", 999_000, Grade.ACCEPTABLE, "both views counted")),
                problems, Duration.ofMillis(12_345), null);
    }

    @Test
    void aBrokenRunThatShowedItsFailureSaysHowOften() {
        StressResult shown = result(Variant.BROKEN, 1_000, List.of());

        String text = StressTable.render(shown, Style.plain());

        assertEquals(Conclusion.FAILURE_SHOWN, shown.conclusion());
        assertTrue(text.contains("mode short, 12.3 s"), text);
        assertTrue(text.matches("(?s).*  1\\s+1,000\\s+0\\.10%\\s+interesting\\s+a view lost\n.*"), text);
        assertTrue(text.contains("The failure showed: 1,000 of 1,000,000 samples (0.10%) came out interesting."),
                text);
    }

    @Test
    void aBrokenRunThatDidNotShowItIsNotAPass() {
        StressResult quiet = result(Variant.BROKEN, 0, List.of());

        assertEquals(Conclusion.FAILURE_NOT_SEEN, quiet.conclusion());
        assertEquals(ExitCodes.INCONCLUSIVE, StressCommand.exitCode(quiet));
        assertTrue(StressTable.render(quiet, Style.plain()).contains("Not seen in this run: none of 999,000"));
    }

    @Test
    void aForbiddenOutcomeOnTheFixedSideIsAFailureAndARareOneIsNotRoundedAway() {
        StressResult broke = result(Variant.FIXED, 3, List.of());

        assertEquals(Conclusion.BROKE, broke.conclusion());
        assertEquals(ExitCodes.UNEXPECTED, StressCommand.exitCode(broke));
        String text = StressTable.render(broke, Style.plain());
        assertTrue(text.contains("<0.01%  FORBIDDEN"), text);
        assertTrue(text.contains("A forbidden outcome in 3 of 999,003 samples"), text);
    }

    @Test
    void aRunThatDidNotWorkSaysWhyAndIsNeverAVerdict() {
        StressResult failed = result(Variant.FIXED, 0, List.of("jcstress reports VM_ERROR for the test"));

        assertEquals(Conclusion.RUN_FAILED, failed.conclusion());
        assertEquals(ExitCodes.INTERNAL, StressCommand.exitCode(failed));
        assertTrue(StressTable.render(failed, Style.plain()).contains("jcstress reports VM_ERROR"));
    }
}
