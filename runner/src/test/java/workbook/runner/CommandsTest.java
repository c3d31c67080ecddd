package workbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import workbook.harness.Outcome;
import workbook.harness.Variant;
import workbook.harness.VerdictJson;

/** The commands with injected writers: their output and their exit codes. */
class CommandsTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = Main.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void listShowsChaptersWithTheirPitfallsAndKinds() {
        assertEquals(ExitCodes.AS_EXPECTED, run("list"));

        String text = out.toString();
        assertTrue(text.contains("Chapter 3: Races"), text);
        assertTrue(text.matches("(?s).*lost-update\\s+RACE\\s+Lost updates.*"), text);
        assertTrue(text.contains("lock-ordering"), text);
    }

    @Test
    void runPrintsTheVerdictAndExitsZeroWhenTheBrokenExampleReproduces() {
        assertEquals(ExitCodes.AS_EXPECTED, run("run", "lost-update"), err::toString);

        assertTrue(out.toString().startsWith("lost-update (broken): REPRODUCED RACE"), out::toString);
        assertTrue(out.toString().contains("views: expected "), out::toString);
    }

    @Test
    void runFixedAsJsonGivesTheSameVerdictAsData() {
        assertEquals(ExitCodes.AS_EXPECTED, run("run", "lost-update", "--fixed", "--json"), err::toString);

        var verdict = VerdictJson.read(out.toString());
        assertEquals(Outcome.CLEAN, verdict.outcome());
        assertEquals(Variant.FIXED, verdict.variant());
    }

    @Test
    void anUnknownIdIsAUsageErrorWithASuggestion() {
        assertEquals(ExitCodes.USAGE, run("run", "lost-updat"));

        assertEquals("There is no pitfall 'lost-updat'; did you mean lost-update?", err.toString().strip());
    }

    @Test
    void helpListsTheExitCodes() {
        assertEquals(ExitCodes.AS_EXPECTED, run("run", "--help"));

        assertTrue(out.toString().contains("Exit codes:"), out::toString);
        assertTrue(out.toString().contains("inconclusive"), out::toString);
    }

    @Test
    void exitCodesFollowTheOutcome() {
        assertEquals(ExitCodes.INCONCLUSIVE, RunCommand.exitCode(verdict(Variant.BROKEN, Outcome.INCONCLUSIVE)));
        assertEquals(ExitCodes.UNEXPECTED, RunCommand.exitCode(verdict(Variant.BROKEN, Outcome.CLEAN)));
        assertEquals(ExitCodes.UNEXPECTED, RunCommand.exitCode(verdict(Variant.FIXED, Outcome.NOT_WORKING)));
        assertEquals(ExitCodes.AS_EXPECTED, RunCommand.exitCode(verdict(Variant.FIXED, Outcome.CLEAN)));
    }

    private static workbook.harness.Verdict verdict(Variant variant, Outcome outcome) {
        return new workbook.harness.Verdict("x", variant, outcome, null, "s", java.util.List.of(),
                new workbook.harness.Verdict.Timings(0, 0, 0), "");
    }
}
