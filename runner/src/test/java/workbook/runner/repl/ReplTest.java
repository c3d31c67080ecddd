package workbook.runner.repl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import workbook.harness.TrialLauncher;
import workbook.lessons.Lessons;
import workbook.runner.ExitCodes;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.LearnerProgress;
import workbook.runner.learner.Workspace;
import workbook.runner.terminal.Style;

/**
 * Scripted REPL sessions on a dumb terminal, as a CI job or a piped script would drive it. Each session has its own
 * shell VM, streams and workspace, so two run at once (most of their time is a shell VM starting); a session that runs
 * trials has the machine to itself, as trials need. Surefire runs this class on its own (runner/pom.xml), with JUnit's
 * parallel execution enabled for it alone.
 */
@Execution(ExecutionMode.CONCURRENT)
public class ReplTest {

    public static final String MACHINE = "the machine's cores";

    @TempDir
    Path workspace;

    private String session(String script, Duration snippetLimit) throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Workbook wb = new Workbook(Catalog::load, new Workspace(workspace), Style.plain(), new TrialLauncher(),
                new BufferedReader(new StringReader("")), false);
        try (DumbTerminal terminal = new DumbTerminal("test", "dumb",
                new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)), output, StandardCharsets.UTF_8)) {
            assertEquals(ExitCodes.AS_EXPECTED, new Repl(wb, terminal, snippetLimit).run());
        }
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    @ResourceLock(ReplTest.MACHINE)
    void openRunRedefineAndCheckAFix() throws Exception {
        String text = session("""
                /open lost-update
                /run
                import java.util.concurrent.atomic.AtomicLong;
                public class PageViewCounter implements ViewCounter {
                    private final AtomicLong views = new AtomicLong();
                    public void recordView() { views.incrementAndGet(); }
                    public long views() { return views.get(); }
                }
                var counter = new PageViewCounter(); counter.recordView(); counter.views()
                /ch
                /r
                /exit
                """, Duration.ofSeconds(30));

        assertTrue(text.contains("lost-update (broken): REPRODUCED RACE"), text);
        assertTrue(text.contains("lost-update> /run\n"), "the transcript shows what was typed: " + text);
        assertTrue(text.contains("      ...>     private final AtomicLong views = new AtomicLong();\n"), text);
        assertTrue(text.contains("replaced PageViewCounter"), text);
        assertTrue(text.matches("(?s).*\\$\\d+ ==> 1.*"), text);
        assertTrue(text.contains("FIXED: 3 trials"), text);
        assertTrue(text.contains("/r could be /run or /reset."), text);
    }

    @Test
    @ResourceLock(ReplTest.MACHINE)
    void aPredictionIsRecordedAndRevealedByTheRunOfTheBrokenExample() throws Exception {
        int answer = Lessons.load().byId("lost-update").orElseThrow().predict().answer();

        String text = session("/open lost-update\n/predict 9\n/predict " + answer + "\n/run\n/exit\n",
                Duration.ofSeconds(30));

        assertTrue(text.contains("/predict <number>, a number from 1 to"), text);
        assertTrue(text.contains("Noted: "), text);
        assertTrue(text.contains("lost-update (broken): REPRODUCED RACE"), text);
        assertTrue(text.contains("You predicted it: "), text);
        LearnerProgress.PitfallProgress progress = new Workbook(Catalog::load, new Workspace(workspace),
                Style.plain(), new TrialLauncher(), new BufferedReader(new StringReader("")), false).progress()
                .load().of("lost-update");
        assertEquals(answer, progress.prediction());
        assertTrue(progress.predictedRight());
    }

    @Test
    @ResourceLock(value = MACHINE, mode = ResourceAccessMode.READ)
    void aDefinitionThatDoesNotCompileIsRefusedAndTheBrokenOneIsDefinedQuietly() throws Exception {
        String text = session("""
                /open lost-update
                public class PageViewCounter implements ViewCounter {
                    private long views
                    public void recordView() { views++; }
                    public long views() { return views; }
                }
                /exit
                """, Duration.ofSeconds(30));

        assertTrue(text.contains("';' expected"), text);
        assertFalse(text.contains("created PageViewCounter"), text);
        assertFalse(text.contains("replaced PageViewCounter"), text);
    }

    @Test
    @ResourceLock(value = MACHINE, mode = ResourceAccessMode.READ)
    void aSnippetThatWillNotStopIsEndedAndTheShellRecovers() throws Exception {
        String text = session(
                """
                        int answer() { return 42; }
                        Object lock = new Object();
                        Thread holder = new Thread(() -> { synchronized (lock) { while (true) { Thread.onSpinWait(); } } }); holder.setDaemon(true); holder.start(); Thread.sleep(100); synchronized (lock) { }
                        answer()
                        """,
                Duration.ofSeconds(2));

        assertTrue(text.contains("The snippet would not stop"), text);
        assertTrue(text.contains("declarations replayed"), text);
        assertTrue(text.matches("(?s).*\\$\\d+ ==> 42.*"), text);
    }

    @Test
    @ResourceLock(value = MACHINE, mode = ResourceAccessMode.READ)
    void aSpinningSnippetIsStoppedAtItsLimit() throws Exception {
        String text = session("""
                while (true) { }
                1 + 1
                """, Duration.ofSeconds(1));

        assertTrue(text.contains("Stopped (it ran for 1 s, the limit)."), text);
        assertTrue(text.contains("$1 ==> 2"), "the learner's first value is $1: " + text);
    }

    @Test
    @ResourceLock(value = MACHINE, mode = ResourceAccessMode.READ)
    void systemExitInASnippetGetsANewShell() throws Exception {
        String text = session("""
                int seven() { return 7; }
                System.exit(3);
                seven()
                """, Duration.ofSeconds(10));

        assertTrue(text.contains("A new shell VM is ready"), text);
        assertTrue(text.matches("(?s).*\\$\\d+ ==> 7.*"), text);
    }

    @Test
    @ResourceLock(value = MACHINE, mode = ResourceAccessMode.READ)
    void compileErrorsPointAtTheSnippet() throws Exception {
        String text = session("""
                int x = "text";
                """, Duration.ofSeconds(10));

        assertTrue(text.contains("|  Error:"), text);
        assertTrue(text.contains("incompatible types"), text);
    }
}
