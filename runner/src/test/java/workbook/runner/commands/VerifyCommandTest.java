package workbook.runner.commands;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import picocli.CommandLine;
import workbook.harness.FailureKind;
import workbook.harness.Outcome;
import workbook.harness.Pitfalls;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.Workspace;
import workbook.runner.terminal.Style;

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
    void notObservableIsAcceptedAndReportedOnlyForAPitfallThatDeclaresIt() {
        TrialLauncher unobservable = new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                return new Verdict(pitfall, variant, variant == Variant.BROKEN ? Outcome.NOT_OBSERVABLE : Outcome.CLEAN,
                        null, "not seen", List.of(), new Verdict.Timings(1, 1, 1), "");
            }
        };

        assertEquals(ExitCodes.AS_EXPECTED, run(unobservable, "verify", "unsafe-publication", "--trials", "2"));
        assertTrue(out.toString().matches("(?s).*unsafe-publication\\s+STALE\\s+0/2 \\(2 n/o\\)\\s+2/2\\s+-\\s.*"),
                out::toString);
        assertTrue(
                out.toString().contains("unsafe-publication (broken) NOT_OBSERVABLE in 2 of 2 trials: not observed on"
                        + " this hardware and JDK"),
                out::toString);

        assertEquals(ExitCodes.UNEXPECTED, run(unobservable, "verify", "lost-update", "--trials", "1"));
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

    @Test
    void withReuseJvmAPitfallWhoseTrialsShareAJvmRunsInBatchesAndOneThatLeaksDoesNot() {
        List<String> calls = new CopyOnWriteArrayList<>();
        TrialLauncher counting = new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                calls.add(pitfall + " " + variant + " alone");
                return expected(pitfall, variant);
            }

            @Override
            public Batch runBatch(String pitfall, Variant variant, Duration budget, int count, IntConsumer progress) {
                calls.add(pitfall + " " + variant + " " + count);
                return new Batch(java.util.stream.IntStream.range(0, count).mapToObj(i -> expected(pitfall, variant))
                        .toList(), null);
            }
        };

        assertEquals(ExitCodes.AS_EXPECTED,
                run(counting, "verify", "lost-update", "lock-ordering", "--reuse-jvm", "--trials", "250"));

        // The two pitfalls are verified side by side: their calls interleave, each pitfall's stay in order.
        assertEquals(List.of("lost-update BROKEN 100", "lost-update BROKEN 100", "lost-update BROKEN 50",
                "lost-update FIXED 100", "lost-update FIXED 100", "lost-update FIXED 50"),
                calls.stream().filter(c -> c.startsWith("lost-update ")).toList());
        assertEquals(500, calls.stream().filter(c -> c.startsWith("lock-ordering ") && c.endsWith(" alone")).count());
        assertEquals(506, calls.size());
        assertTrue(out.toString().matches("(?s).*lost-update\\s+RACE\\s+250/250\\s+250/250.*100 to a JVM.*"),
                out::toString);
        assertTrue(out.toString().matches("(?s).*lock-ordering .*a JVM each.*"), out::toString);
    }

    @Test
    void aBatchThatStopsEarlyFailsTheRunAndSaysWhy() {
        TrialLauncher stopping = new TrialLauncher() {
            @Override
            public Batch runBatch(String pitfall, Variant variant, Duration budget, int count, IntConsumer progress) {
                return new Batch(List.of(expected(pitfall, variant)), "trial 1 of " + count + " left the JVM unclean");
            }
        };

        assertEquals(ExitCodes.UNEXPECTED, run(stopping, "verify", "lost-update", "--reuse-jvm", "--trials", "5"));

        assertTrue(out.toString().contains("lost-update  RACE         1/5"), out::toString);
        assertTrue(out.toString().contains(
                "lost-update (broken) the batch stopped after trial 1: trial 1 of 5 left the JVM unclean"),
                out::toString);
    }

    @Test
    void pitfallsAreVerifiedSideBySideAndReportedInTheOrderAsked() {
        List<String> two = Pitfalls.all().stream().filter(p -> !p.needsIdleCores()).map(p -> p.id()).limit(2)
                .toList();
        CountDownLatch bothRunning = new CountDownLatch(2);
        List<String> overlapped = new CopyOnWriteArrayList<>();
        TrialLauncher meeting = new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                if (variant == Variant.BROKEN) {
                    bothRunning.countDown();
                    try {
                        if (bothRunning.await(10, TimeUnit.SECONDS)) {
                            overlapped.add(pitfall);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return expected(pitfall, variant);
            }
        };

        assertEquals(ExitCodes.AS_EXPECTED, run(meeting, "verify", two.get(1), two.get(0), "--jobs", "2"));

        assertEquals(2, overlapped.size(), "each waited for the other: both ran at once");
        String text = out.toString();
        assertTrue(text.indexOf(two.get(1) + " ") < text.indexOf(two.get(0) + " "), text);
    }

    @Test
    void jobsBelowOneIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run(new TrialLauncher(), "verify", "lost-update", "--jobs", "0"));
    }

    private static Verdict expected(String pitfall, Variant variant) {
        return variant == Variant.BROKEN
                ? new Verdict(pitfall, variant, Outcome.REPRODUCED, Pitfalls.byId(pitfall).orElseThrow().kind(), "lost",
                        List.of(),
                        new Verdict.Timings(1, 1, 1), "")
                : new Verdict(pitfall, variant, Outcome.CLEAN, null, "ok", List.of(), new Verdict.Timings(1, 1, 1),
                        "");
    }
}
