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
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
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
import workbook.runner.suite.WrongFixes;
import workbook.runner.terminal.Style;

class VerifyCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int run(TrialLauncher launcher, String... args) {
        return run(new StringWriter(), launcher, args);
    }

    private int run(StringWriter err, TrialLauncher launcher, String... args) {
        Workbook wb = new Workbook(Catalog::load, new Workspace(dir), Style.plain(), launcher,
                new BufferedReader(new StringReader("")), false);
        CommandLine line = Main.commandLine(wb);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void aPitfallThatBehavesAsExpectedPassesAndThePlatformWritesTheReports() throws Exception {
        Path reports = dir.resolve("reports");

        assertEquals(ExitCodes.AS_EXPECTED, run(new TrialLauncher(), "verify", "lost-update", "--trials", "2",
                "--reports", reports.toString()));

        assertTrue(out.toString().matches("(?s).*lost-update\\s+RACE\\s+2/2\\s+2/2.*"), out::toString);
        Element suite = xml(reports.resolve("TEST-workbook-catalog.xml")).getDocumentElement();
        assertEquals("2", suite.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(Runtime.version().feature(), Integer.parseInt(property(suite, "workbook.jdk.version")
                .replaceFirst("^(\\d+).*", "$1")));
        assertEquals(Integer.toString(Runtime.getRuntime().availableProcessors()), property(suite, "workbook.cores"));
        assertTrue(property(suite, "workbook.load").matches("[0-9.]+|unknown"), property(suite, "workbook.load"));
        List<Path> events;
        try (var files = Files.list(reports)) {
            events = files.filter(f -> f.getFileName().toString().startsWith("junit-platform-events-")).toList();
        }
        assertEquals(1, events.size(), "one Open Test Reporting file");
        assertEquals("events", xml(events.get(0)).getDocumentElement().getLocalName());
    }

    @Test
    void anUnexpectedOutcomeFailsTheRunAndItsTestInTheReports() throws Exception {
        Path reports = dir.resolve("reports");
        TrialLauncher everythingClean = new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                return new Verdict(pitfall, variant, Outcome.CLEAN, null, "nothing happened", List.of(),
                        new Verdict.Timings(1, 1, 1), "");
            }
        };

        assertEquals(ExitCodes.UNEXPECTED,
                run(everythingClean, "verify", "lost-update", "--reports", reports.toString()));

        assertTrue(out.toString().contains("lost-update (broken) trial 1: CLEAN: nothing happened"), out::toString);
        Document doc = xml(reports.resolve("TEST-workbook-catalog.xml"));
        assertEquals("1", doc.getDocumentElement().getAttribute("failures"));
        NodeList failures = doc.getElementsByTagName("failure");
        assertEquals(1, failures.getLength());
        Element failure = (Element) failures.item(0);
        assertEquals("lost-update broken reproduces RACE", ((Element) failure.getParentNode()).getAttribute("name"));
        assertEquals("0 of 1 trials as expected (the broken example must reproduce RACE in every one)",
                failure.getAttribute("message"));
        assertTrue(failure.getTextContent().contains("trial 1: CLEAN: nothing happened"), failure::getTextContent);
    }

    @Test
    void withWrongFixesEachFixtureIsATestAndAWrongFixThatPassesFailsIt() throws Exception {
        Path reports = dir.resolve("reports");
        TrialLauncher fooled = new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                return variant == Variant.BROKEN ? expected(pitfall, variant) : clean(pitfall, variant);
            }

            @Override
            public Batch runLearners(String pitfall, List<Path> learners, Duration budget) {
                return new Batch(learners.stream().map(l -> clean(pitfall, Variant.MINE)).toList(), null);
            }
        };

        assertEquals(ExitCodes.UNEXPECTED, run(fooled, "verify", "lost-update", "--wrong-fixes", "--reports",
                reports.toString()));

        long wrong = WrongFixes.of("lost-update").stream().filter(f -> !f.right()).count();
        long all = WrongFixes.of("lost-update").size();
        assertTrue(out.toString().contains("Wrong-fix fixtures: " + (all - wrong) + " of " + all
                + " got the verdict they expect."), out::toString);
        assertTrue(out.toString().contains("  lost-update wrong-volatile: expected STILL BROKEN, got FIXED"),
                out::toString);
        Document doc = xml(reports.resolve("TEST-workbook-catalog.xml"));
        assertEquals(Long.toString(2 + all), doc.getDocumentElement().getAttribute("tests"));
        assertEquals(Long.toString(wrong), doc.getDocumentElement().getAttribute("failures"));
        assertTrue(Files.readString(reports.resolve("TEST-workbook-catalog.xml")).contains(
                "<testcase name=\"lost-update wrong-volatile gets STILL BROKEN\""));
    }

    private static Verdict clean(String pitfall, Variant variant) {
        return new Verdict(pitfall, variant, Outcome.CLEAN, null, "ok", List.of(), new Verdict.Timings(1, 1, 1), "");
    }

    @Test
    void theSameJdkNamedTwiceRunsOnce() throws Exception {
        StringWriter err = new StringWriter();
        Path reports = dir.resolve("reports");

        assertEquals(ExitCodes.AS_EXPECTED, run(err, asExpected(), "verify", "lost-update", "--jdk",
                Integer.toString(Runtime.version().feature()), "--jdk", System.getProperty("java.home"), "--reports",
                reports.toString()));

        assertTrue(err.toString().contains("again: its trials run once"), err::toString);
        assertEquals(1, out.toString().split("pitfalls behaved as expected", -1).length - 1, out::toString);
        assertTrue(Files.exists(reports.resolve("TEST-workbook-catalog.xml")));
    }

    @Test
    void aJdkThatIsNotThereIsAUsageErrorAndRunsNothing() {
        StringWriter err = new StringWriter();
        List<String> calls = new CopyOnWriteArrayList<>();
        TrialLauncher counting = new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                calls.add(pitfall);
                return expected(pitfall, variant);
            }
        };

        assertEquals(ExitCodes.USAGE, run(err, counting, "verify", "lost-update", "--jdk",
                dir.resolve("no-such-jdk").toString()));
        assertTrue(err.toString().contains("no JDK at " + dir.resolve("no-such-jdk")), err::toString);
        assertEquals(ExitCodes.USAGE, run(err, counting, "verify", "lost-update", "--jdk", "999"));
        assertTrue(err.toString().contains("no JDK 999 found"), err::toString);
        assertEquals(ExitCodes.USAGE, run(err, counting, "verify", "lost-update", "--jdk", "17"));
        assertTrue(err.toString().contains("trials need JDK 21 or newer"), err::toString);
        assertEquals(List.of(), calls);
    }

    @Test
    void aMatrixRunsASuiteOnEachJdkAndShowsWhereTheirVerdictsDiffer() throws Exception {
        Path other = fakeJdk("21.0.9+10-LTS", "Elsewhere");
        List<String> ranOn = new CopyOnWriteArrayList<>();
        TrialLauncher here = new TrialLauncher() {
            @Override
            public TrialLauncher onJdk(Path home) {
                ranOn.add(home.toString());
                return home.equals(other) ? unobservable() : asExpected();
            }
        };
        Path reports = dir.resolve("reports");

        assertEquals(ExitCodes.AS_EXPECTED, run(here, "verify", "unsafe-publication", "lost-update", "--jdk",
                System.getProperty("java.home"), "--jdk", other.toString(), "--reports", reports.toString()));

        assertEquals(List.of(Path.of(System.getProperty("java.home")).toAbsolutePath().normalize().toString(),
                other.toString()), ranOn);
        String text = out.toString();
        assertTrue(text.contains("On JDK 21.0.9+10-LTS (Elsewhere), " + other), text);
        assertTrue(text.matches("(?s).*Across 2 JDKs:\n  unsafe-publication \\(broken\\):\n"
                + "    JDK [^\n]+ 1/1 as expected; REPRODUCED 1\n"
                + "    JDK 21.0.9\\+10-LTS \\(Elsewhere\\) +1/1 as expected; NOT_OBSERVABLE 1\n.*"), text);
        assertTrue(!text.contains("lost-update (broken):"), text);
        assertTrue(Files.exists(reports.resolve("TEST-workbook-jdk" + Runtime.version().feature() + ".xml")));
        Element suite = xml(reports.resolve("TEST-workbook-jdk21.xml")).getDocumentElement();
        assertEquals("Concurrency Pitfalls Workbook on JDK 21.0.9+10-LTS (Elsewhere)", suite.getAttribute("name"));
        assertEquals(other.toString(), property(suite, "workbook.jdk.home"));
    }

    /** A folder that looks like a JDK of another version (its java is this one's): for a launcher that runs none. */
    private Path fakeJdk(String version, String vendor) throws Exception {
        Path home = dir.resolve("jdk-" + version).toAbsolutePath().normalize();
        Files.createDirectories(home.resolve("bin"));
        Files.createSymbolicLink(home.resolve("bin").resolve("java"),
                Path.of(System.getProperty("java.home"), "bin", "java"));
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"" + vendor + "\"\nJAVA_RUNTIME_VERSION=\""
                + version + "\"\nJAVA_VERSION=\"" + version.replaceFirst("\\+.*", "") + "\"\n");
        return home;
    }

    private static TrialLauncher asExpected() {
        return new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                return expected(pitfall, variant);
            }
        };
    }

    private static TrialLauncher unobservable() {
        return new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                return variant == Variant.BROKEN && pitfall.equals("unsafe-publication")
                        ? new Verdict(pitfall, variant, Outcome.NOT_OBSERVABLE, null, "not seen", List.of(),
                                new Verdict.Timings(1, 1, 1), "")
                        : expected(pitfall, variant);
            }
        };
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    private static String property(Element suite, String name) {
        NodeList properties = suite.getElementsByTagName("property");
        for (int i = 0; i < properties.getLength(); i++) {
            Element property = (Element) properties.item(i);
            if (property.getAttribute("name").equals(name)) {
                return property.getAttribute("value");
            }
        }
        throw new AssertionError("no property " + name + " in the suite");
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
