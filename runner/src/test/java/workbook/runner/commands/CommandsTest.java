package workbook.runner.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import workbook.harness.Outcome;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.harness.VerdictJson;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.Workspace;
import workbook.runner.terminal.Style;

/** Every command with injected writers and input, in a workspace of its own: output and exit codes. */
class CommandsTest {

    @TempDir
    Path workspace;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private String input = "";

    private int run(String... args) {
        Workbook wb = new Workbook(Catalog::load, new Workspace(workspace), Style.plain(), new TrialLauncher(),
                new BufferedReader(new StringReader(input)), false);
        CommandLine line = Main.commandLine(wb);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    private Path copy() {
        return workspace.resolve("lost-update/PageViewCounter.java");
    }

    @Test
    void listShowsChaptersWithTheirPitfallsKindsAndStatus() {
        assertEquals(ExitCodes.AS_EXPECTED, run("list"));

        String text = out.toString();
        assertTrue(text.contains("Chapter 3: Races"), text);
        assertTrue(text.matches("(?s).*lost-update\\s+RACE\\s+new\\s+Lost updates.*"), text);
        assertTrue(text.contains("lock-ordering"), text);
    }

    @Test
    void tracksAreListedShownFollowedAndLeft() {
        assertEquals(ExitCodes.AS_EXPECTED, run("track"));
        assertTrue(
                out.toString().matches("(?s).*first-hour\\s+60 min\\s+5 pitfalls\\s+Concurrency pitfalls in an hour.*"),
                out::toString);

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.AS_EXPECTED, run("track", "show", "memory-model"));
        assertTrue(
                out.toString()
                        .matches("(?s).*1\\. stale-flag\\s+20 min\\s+new.*2\\. unsafe-publication.*3\\. this-escape.*"),
                out::toString);
        assertTrue(out.toString().contains("The lessons take 60 of its 60 minutes"), out::toString);

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.AS_EXPECTED, run("track", "follow", "memory-model"));
        assertTrue(out.toString().contains("You follow memory-model now (3 pitfalls, 0 fixed)"), out::toString);
        assertTrue(out.toString().contains("Next: stale-flag"), out::toString);

        out.getBuffer().setLength(0);
        run("list");
        String list = out.toString();
        assertTrue(list.contains("Track memory-model: Visibility and the memory model (60 minutes)"), list);
        assertTrue(list.indexOf("stale-flag") < list.indexOf("unsafe-publication")
                && list.indexOf("unsafe-publication") < list.indexOf("this-escape"), list);
        assertFalse(list.contains("lost-update"), "only the track's pitfalls: " + list);

        out.getBuffer().setLength(0);
        run("list", "--all");
        assertTrue(out.toString().contains("lost-update"), out::toString);

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.AS_EXPECTED, run("track", "leave"));
        assertTrue(out.toString().startsWith("You follow memory-model no more"), out::toString);
        out.getBuffer().setLength(0);
        run("list");
        assertTrue(out.toString().contains("Chapter 3: Races"), out::toString);
    }

    @Test
    void aLessonWithoutAnIdIsTheNextInTheFollowedTrack() {
        run("track", "follow", "memory-model");
        out.getBuffer().setLength(0);

        assertEquals(ExitCodes.AS_EXPECTED, run("lesson"), err::toString);

        assertTrue(out.toString().startsWith("THE STOP FLAG THE WORKER NEVER SEES"), out::toString);
        assertTrue(out.toString().contains("'workbook lesson stale-flag' starts again"), out::toString);
    }

    @Test
    void anUnknownTrackIsAUsageErrorThatNamesTheTracks() {
        assertEquals(ExitCodes.USAGE, run("track", "follow", "no-such-track"));
        assertTrue(err.toString().startsWith("There is no track 'no-such-track'. The tracks: first-hour,"),
                err::toString);

        assertEquals(ExitCodes.USAGE, run("track", "show"));
        assertTrue(err.toString().contains("Name the track: `workbook track show <name>`"), err::toString);
    }

    @Test
    void showRendersTheLessonAndMarksItSeen() {
        assertEquals(ExitCodes.AS_EXPECTED, run("show", "lost-update", "--width", "60"));

        assertTrue(out.toString().contains("THE INCIDENT") || out.toString().contains("The incident"), out::toString);
        assertFalse(out.toString().contains("## "), "Markdown headings are rendered, not printed raw");
        assertTrue(out.toString().lines().allMatch(l -> l.length() <= 60 || l.startsWith("    ")
                || !l.strip().contains(" ")), "wrapped at 60, but for code and single long words:\n" + out);
        out.getBuffer().setLength(0);
        run("list");
        assertTrue(out.toString().matches("(?s).*lost-update\\s+RACE\\s+seen.*"), out::toString);
    }

    @Test
    void stressOnAPitfallWithoutAJcstressTestSaysWhyAndWhichHaveOne() {
        assertEquals(ExitCodes.USAGE, run("stress", "reused-task-argument"));

        assertTrue(
                err.toString().startsWith("reused-task-argument has no jcstress test beside it: the race is between"),
                err::toString);
        assertTrue(err.toString().contains("These have one: lost-update, "), err::toString);
    }

    @Test
    void stressOfACopyThatDoesNotCompileNamesTheLineAndRunsNothing() throws Exception {
        Files.createDirectories(copy().getParent());
        Files.writeString(copy(), "package workbook.lostupdate;\npublic class PageViewCounter { oops }\n");

        assertEquals(ExitCodes.DOES_NOT_COMPILE, run("stress", "lost-update", "--mine"));

        assertTrue(err.toString().contains("PageViewCounter.java:2"), err::toString);
        assertFalse(Files.exists(workspace.resolve("stress")), "no jcstress run for a copy that does not compile");
    }

    @Test
    void stressSourceIsForYourCopyOnly() {
        assertEquals(ExitCodes.USAGE, run("stress", "lost-update", "--source", "Elsewhere.java"));

        assertTrue(err.toString().contains("--source names your copy: use it with --mine."), err::toString);
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

        Verdict verdict = VerdictJson.read(out.toString());
        assertEquals(Outcome.CLEAN, verdict.outcome());
        assertEquals(Variant.FIXED, verdict.variant());
    }

    @Test
    void runHoldPrintsThePidAndTheJdkToolsThenEndsTheJvmOnEnter() {
        input = "\n";

        assertEquals(ExitCodes.AS_EXPECTED, run("run", "lock-ordering", "--hold"), err::toString);

        assertTrue(out.toString().contains("The trial JVM is held: pid "), out::toString);
        assertTrue(out.toString().matches("(?s).*jstack \\d+.*jcmd \\d+ Thread.print.*jcmd \\d+ JFR.start.*"),
                out::toString);
    }

    @Test
    void anUnknownIdIsAUsageErrorWithASuggestion() {
        assertEquals(ExitCodes.USAGE, run("run", "lost-updat"));

        assertEquals("There is no pitfall 'lost-updat'; did you mean lost-update?", err.toString().strip());
    }

    @Test
    void aBudgetNoTrialCanWorkWithIsAUsageErrorAndRecordsNoCheck() {
        assertEquals(ExitCodes.USAGE, run("check", "lost-update", "--budget", "0"));

        assertEquals("--budget must be a whole number of seconds from 1 to 600, not 0.", err.toString().strip());
        assertFalse(out.toString().contains("DOES NOT WORK"), out::toString);
        err.getBuffer().setLength(0);
        assertEquals(ExitCodes.USAGE, run("run", "lost-update", "--budget", "-3"));
        assertEquals(ExitCodes.AS_EXPECTED, run("progress"));
        assertFalse(out.toString().contains("1 check"), out::toString);
    }

    @Test
    void aFixThatWrecksTheWorkspaceIsPutBackAndDoesNotWork() throws Exception {
        run("progress", "--name", "Ada");
        String progressBefore = Files.readString(workspace.resolve("progress.json"));
        Path fix = workspace.resolve("vandal.java");
        Files.writeString(fix, """
                package workbook.lostupdate;

                import java.nio.file.*;
                import java.util.concurrent.atomic.AtomicLong;

                public class PageViewCounter implements ViewCounter {
                    static {
                        try {
                            // The learner's classes are in <workspace>/.build/lost-update/classes.
                            Path classes = Path.of(System.getProperty("java.class.path").split(":")[0]);
                            Path root = classes.getParent().getParent().getParent();
                            Files.deleteIfExists(root.resolve("progress.json"));
                            Files.writeString(root.resolve("vandal.java"), "gone");
                            Files.writeString(root.resolve("new-file.txt"), "left behind");
                        } catch (Exception e) {
                            throw new RuntimeException(e);
                        }
                    }
                    private final AtomicLong views = new AtomicLong();
                    public void recordView() { views.incrementAndGet(); }
                    public long views() { return views.get(); }
                }
                """);
        String fixBefore = Files.readString(fix);

        assertEquals(ExitCodes.DOES_NOT_WORK, run("check", "lost-update", "--source", fix.toString()));

        assertTrue(out.toString().contains("Your workspace changed while the trial ran"), out::toString);
        assertTrue(out.toString().contains("progress.json (deleted)"), out::toString);
        assertTrue(out.toString().contains("vandal.java (changed; that version is kept in .kept-after-check/"),
                out::toString);
        assertTrue(out.toString().contains("new-file.txt (added; taken away to .kept-after-check/"), out::toString);
        assertEquals(fixBefore, Files.readString(fix));
        assertFalse(Files.exists(workspace.resolve("new-file.txt")));
        try (var kept = Files.walk(workspace.resolve(".kept-after-check"))) {
            assertEquals(List.of("gone", "left behind"), kept.filter(Files::isRegularFile).sorted()
                    .map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).sorted().toList(), "nothing is lost: what the guard took away is kept");
        }
        assertTrue(Files.readString(workspace.resolve("progress.json")).contains("Ada"), progressBefore);
    }

    @Test
    void helpListsTheExitCodes() {
        assertEquals(ExitCodes.AS_EXPECTED, run("check", "--help"));

        assertTrue(out.toString().contains("Exit codes:"), out::toString);
        assertTrue(out.toString().contains("STILL BROKEN"), out::toString);
    }

    @Test
    void checkOfTheUntouchedCopySaysStillBrokenWithTheEvidence() {
        assertEquals(ExitCodes.STILL_BROKEN, run("check", "lost-update"), err::toString);

        assertTrue(out.toString().startsWith("STILL BROKEN"), out::toString);
        // The verdict wraps at the terminal's width: "11 updates" may end a line and "lost" begin the next.
        assertTrue(out.toString().replaceAll("\\s+", " ").contains("updates lost"), out::toString);
        assertTrue(Files.exists(copy()));
    }

    @Test
    void aVolatileCounterIsStillBroken() throws Exception {
        run("reset", "lost-update");
        Files.writeString(copy(),
                Files.readString(copy()).replace("private long views;", "private volatile long views;"));

        assertEquals(ExitCodes.STILL_BROKEN, run("check", "lost-update"), out::toString);
    }

    @Test
    void theRightFixIsFixedAndMarkedSo() throws Exception {
        run("reset", "lost-update");
        Files.writeString(copy(), Files.readString(copy()).replace("private long views;",
                "private final java.util.concurrent.atomic.AtomicLong views = new java.util.concurrent.atomic.AtomicLong();")
                .replace("views++;", "views.incrementAndGet();").replace("return views;", "return views.get();"));
        out.getBuffer().setLength(0);

        assertEquals(ExitCodes.AS_EXPECTED, run("check", "lost-update"), out::toString);
        assertTrue(out.toString().startsWith("FIXED"), out::toString);
        out.getBuffer().setLength(0);
        run("progress");
        assertTrue(out.toString().matches("(?s).*lost-update\\s+fixed.*"), out::toString);
    }

    @Test
    void aFileThatDoesNotCompileGetsTheCompilersMessageWithItsLine() throws Exception {
        Path mine = workspace.resolve("Mine.java");
        Files.writeString(mine, """
                package workbook.lostupdate;

                public class PageViewCounter implements ViewCounter {
                    public void recordView() { views++ }
                    public long views() { return 0; }
                }
                """);

        assertEquals(ExitCodes.DOES_NOT_COMPILE, run("check", "lost-update", "--source", mine.toString()));
        assertTrue(out.toString().contains(mine + ":4: error: ';' expected"), out::toString);
    }

    @Test
    void aFixThatDropsTheWorkDoesNotWork() throws Exception {
        Path mine = workspace.resolve("Mine.java");
        Files.writeString(mine, """
                package workbook.swallowedinterrupt;

                public class InboxPoller implements Runnable {
                    public InboxPoller(Inbox inbox) {
                    }

                    @Override
                    public void run() {
                    }
                }
                """);

        assertEquals(ExitCodes.DOES_NOT_WORK, run("check", "swallowed-interrupt", "--source", mine.toString()));
        assertTrue(out.toString().startsWith("DOES NOT WORK"), out::toString);
    }

    @Test
    void hintsComeOneLevelAtATime() {
        run("hint", "lost-update");
        assertTrue(out.toString().contains("Hint 1 of 3"), out::toString);
        assertFalse(out.toString().contains("Hint 2 of 3"), out::toString);

        out.getBuffer().setLength(0);
        run("hint", "lost-update");
        assertTrue(out.toString().contains("Hint 2 of 3"), out::toString);

        assertEquals(ExitCodes.USAGE, run("hint", "lost-update", "--level", "9"));
    }

    @Test
    void theSolutionIsADiffThatChangesOnlyTheFix() {
        assertEquals(ExitCodes.AS_EXPECTED, run("solution", "lost-update"));

        String diff = out.toString();
        assertTrue(diff.contains("--- pitfalls/src/main/java/workbook/lostupdate/PageViewCounter.java"), diff);
        assertTrue(diff.contains("-    private long views;"), diff);
        assertTrue(diff.contains("+    private final LongAdder views = new LongAdder();"), diff);
    }

    @Test
    void resetKeepsTheOldCopy() throws Exception {
        run("reset", "lost-update");
        Files.writeString(copy(), "my work");

        assertEquals(ExitCodes.AS_EXPECTED, run("reset", "lost-update"));

        assertTrue(Files.readString(copy()).contains("class PageViewCounter"));
        try (var files = Files.list(copy().getParent())) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().endsWith(".bak")
                    && readQuietly(f).equals("my work")));
        }
    }

    @Test
    void aCorruptProgressFileIsSetAsideAndReplaced() throws Exception {
        Files.writeString(workspace.resolve("progress.json"), "{ not json");

        assertEquals(ExitCodes.AS_EXPECTED, run("progress"));

        assertTrue(err.toString().contains("could not be read"), err::toString);
        try (var files = Files.list(workspace)) {
            assertTrue(files.anyMatch(f -> f.getFileName().toString().startsWith("progress.json.corrupt-")));
        }
    }

    @Test
    void validJsonOfTheWrongShapeIsSetAsideLikeAnyUnreadableFile() throws Exception {
        for (String wrong : List.of("null", "{\"learner\":\"ada\",\"pitfalls\":{\"lost-update\":null}}",
                "{\"learner\":\"ada\",\"pitfalls\":{\"lost-update\":{\"status\":null}}}")) {
            Files.writeString(workspace.resolve("progress.json"), wrong);
            err.getBuffer().setLength(0);

            assertEquals(ExitCodes.AS_EXPECTED, run("list"), wrong);

            assertTrue(err.toString().contains("could not be read"), err::toString);
        }
        try (var files = Files.list(workspace)) {
            assertEquals(3, files.filter(f -> f.getFileName().toString().startsWith("progress.json.corrupt-")).count(),
                    "every unreadable file kept under a name of its own, even within one second");
        }
    }

    @Test
    void runAndCheckSayWhenTheyHadToSetTheProgressFileAside() throws Exception {
        Files.writeString(workspace.resolve("progress.json"), "{ not json");

        assertEquals(ExitCodes.AS_EXPECTED, run("show", "lost-update"));

        assertTrue(err.toString().contains("could not be read"), err::toString);
    }

    @Test
    void aProgressFileThatCannotBeSavedCostsAWarningNotTheVerdict() throws Exception {
        Files.createDirectories(workspace.resolve("progress.json")); // a folder where the file should be

        assertEquals(ExitCodes.AS_EXPECTED, run("run", "lost-update"));

        assertTrue(out.toString().contains("REPRODUCED"), out::toString);
        assertTrue(err.toString().contains("progress was not saved") || err.toString().contains("could not be read"),
                err::toString);
    }

    @Test
    void anUnwritableHomeKeepsTheVerdictsExitCodeAndWarnsThatProgressWasNotSaved() {
        Workbook wb = new Workbook(Catalog::load, new Workspace(Path.of("/proc/no-workbook-here")), Style.plain(),
                new TrialLauncher(), new BufferedReader(new StringReader("")), false);
        CommandLine line = Main.commandLine(wb);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));

        assertEquals(ExitCodes.AS_EXPECTED, line.execute("run", "lost-update"));

        assertTrue(out.toString().contains("REPRODUCED"), out::toString);
        assertTrue(err.toString().contains("Your progress was not saved: /proc/no-workbook-here/progress.json cannot"
                + " be written"), err::toString);
    }

    @Test
    void exportsMergeIntoAClassTable() throws Exception {
        Path ada = workspace.resolve("ada.json");
        Path bob = workspace.resolve("bob.json");
        run("hint", "lost-update");
        run("progress", "--name", "ada", "--export", ada.toString());
        Files.writeString(bob, "{\"learner\":\"bob\",\"pitfalls\":{\"lost-update\":{\"status\":\"FIXED\"}}}");
        out.getBuffer().setLength(0);

        assertEquals(ExitCodes.AS_EXPECTED, run("progress", "--merge", ada.toString(), bob.toString()));

        String table = out.toString();
        assertTrue(table.matches("(?s).*lost-update\\s+1/2\\s+-\\s+1\\s+0\\n.*"),
                "fixed by one of two, hinted by one: " + table);
        assertTrue(table.matches("(?s).*ada\\s+0/1\\s+-\\s+1\\s+0\\n.*"), table);
        assertTrue(table.matches("(?s).*bob\\s+1/1\\s+-\\s+0\\s+0\\n.*"), table);
        assertTrue(table.lines().allMatch(line -> line.length() <= 100), "fits a projector: " + table);

        out.getBuffer().setLength(0);
        assertEquals(ExitCodes.AS_EXPECTED, run("progress", "--merge", ada.toString(), bob.toString(), "--markdown",
                "--track", "first-hour"));
        String markdown = out.toString();
        assertTrue(markdown.contains("| pitfall | fixed | predicted right | took hints | checks |"), markdown);
        assertTrue(markdown.contains("| fire-and-forget-exception | 0/2 | - | 0 | 0 |"), markdown);
        assertTrue(markdown.contains("| lost-update | 1/2 | - | 1 | 0 |"), markdown);
        assertTrue(markdown.contains("| bob | 1/5 | - | 0 | 0 |"), markdown);

        assertEquals(ExitCodes.USAGE, run("progress", "--merge", workspace.resolve("nobody.json").toString()));
        assertEquals(ExitCodes.USAGE, run("progress", "--markdown"));
    }

    @Test
    void theGuidedLessonWalksFromPredictionToAStillBrokenCheck() {
        input = String.join("\n", List.of("9", "2", "", "h", "c", "q")) + "\n";

        assertEquals(ExitCodes.AS_EXPECTED, run("lesson", "lost-update"), err::toString);

        String text = out.toString();
        assertTrue(text.contains("Pick a number from 1 to"), text);
        assertTrue(text.contains("lost-update (broken): REPRODUCED RACE"), text);
        assertTrue(text.contains("You predicted"), text);
        assertTrue(text.contains("Hint 1 of 3"), text);
        assertTrue(text.contains("STILL BROKEN"), text);
        assertTrue(text.contains("Stopped; your progress is saved."), text);
    }

    @Test
    void completionCompletesCommandsAndIds() {
        assertEquals(ExitCodes.AS_EXPECTED, run("completion"));

        assertTrue(out.toString().contains("lost-update"), "ids are completed");
        assertTrue(out.toString().contains("verify"), "commands are completed");
    }

    @Test
    void exitCodesFollowTheOutcome() {
        assertEquals(ExitCodes.INCONCLUSIVE, RunCommand.exitCode(verdict(Variant.BROKEN, Outcome.INCONCLUSIVE)));
        assertEquals(ExitCodes.UNEXPECTED, RunCommand.exitCode(verdict(Variant.BROKEN, Outcome.CLEAN)));
        assertEquals(ExitCodes.UNEXPECTED, RunCommand.exitCode(verdict(Variant.FIXED, Outcome.NOT_WORKING)));
        assertEquals(ExitCodes.AS_EXPECTED, RunCommand.exitCode(verdict(Variant.FIXED, Outcome.CLEAN)));
        assertEquals(ExitCodes.STILL_BROKEN, RunCommand.exitCode(verdict(Variant.MINE, Outcome.REPRODUCED)));
        // Only a pitfall that declares it may say NOT_OBSERVABLE (the trial JVM turns any other's into INCONCLUSIVE).
        assertEquals(ExitCodes.AS_EXPECTED, RunCommand.exitCode(verdict(Variant.BROKEN, Outcome.NOT_OBSERVABLE)));
        assertEquals(ExitCodes.UNEXPECTED, RunCommand.exitCode(verdict(Variant.FIXED, Outcome.NOT_OBSERVABLE)));
        assertEquals(ExitCodes.INCONCLUSIVE, RunCommand.exitCode(verdict(Variant.MINE, Outcome.NOT_OBSERVABLE)));
    }

    private static Verdict verdict(Variant variant, Outcome outcome) {
        return new Verdict("x", variant, outcome, outcome == Outcome.REPRODUCED
                ? workbook.harness.FailureKind.RACE
                : null, "s", List.of(), new Verdict.Timings(0, 0, 0), "");
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
