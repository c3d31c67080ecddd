package workbook.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;
import workbook.harness.FailureKind;
import workbook.harness.Outcome;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(TrialLauncher launcher, String... args) {
        Workbook wb = new Workbook(Catalog::load, new Workspace(dir), Style.plain(), launcher,
                new BufferedReader(new StringReader("")), false);
        CommandLine line = Main.commandLine(wb);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(new StringWriter(), true));
        return line.execute(args);
    }

    @Test
    void aPitfallThatBehavesAsExpectedPassesAndWritesJunitXml() throws Exception {
        Path xml = dir.resolve("out.xml");

        assertEquals(ExitCodes.AS_EXPECTED, run(new TrialLauncher(), "verify", "lost-update", "--trials", "2",
                "--junit-xml", xml.toString()));

        assertTrue(out.toString().matches("(?s).*lost-update\\s+RACE\\s+2/2\\s+2/2.*"), out::toString);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertEquals("2", doc.getDocumentElement().getAttribute("tests"));
        assertEquals("0", doc.getDocumentElement().getAttribute("failures"));
    }

    @Test
    void anUnexpectedOutcomeFailsTheRunAndTheXml() throws Exception {
        Path xml = dir.resolve("out.xml");
        TrialLauncher everythingClean = new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                return new Verdict(pitfall, variant, Outcome.CLEAN, null, "nothing happened", List.of(),
                        new Verdict.Timings(1, 1, 1), "");
            }
        };

        assertEquals(ExitCodes.UNEXPECTED,
                run(everythingClean, "verify", "lost-update", "--junit-xml", xml.toString()));

        assertTrue(out.toString().contains("lost-update (broken) trial 1: CLEAN: nothing happened"), out::toString);
        assertTrue(Files.readString(xml).contains("<failure message=\"0/1 trials as expected\">"));
    }

    @Test
    void aReproductionOfAnotherKindIsNotAsExpected() {
        TrialLauncher wrongKind = new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                return variant == Variant.BROKEN
                        ? new Verdict(pitfall, variant, Outcome.REPRODUCED, FailureKind.HANG, "hung", List.of(),
                                new Verdict.Timings(1, 1, 1), "")
                        : new Verdict(pitfall, variant, Outcome.CLEAN, null, "ok", List.of(),
                                new Verdict.Timings(1, 1, 1), "");
            }
        };

        assertEquals(ExitCodes.UNEXPECTED, run(wrongKind, "verify", "lost-update"));
    }
}
