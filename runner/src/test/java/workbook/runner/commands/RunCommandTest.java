package workbook.runner.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import workbook.harness.Outcome;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.Workspace;
import workbook.runner.terminal.Style;

/** {@code run}'s trial, started while the catalog is read, with a made-up launcher. */
class RunCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final Catalog CATALOG = Catalog.load();

    /** Runs a command on a workbook whose catalog is read, as the REPL's is when a learner types /run. */
    private int run(TrialLauncher launcher, String... args) {
        Workbook wb = new Workbook(() -> CATALOG, new Workspace(dir), Style.plain(), launcher,
                new BufferedReader(new StringReader("")), false);
        wb.catalog();
        CommandLine line = Main.commandLine(wb);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    /** A trial that runs until it is interrupted, as a trial JVM does until it is killed. */
    private static final class UntilInterrupted extends TrialLauncher {
        final CountDownLatch started = new CountDownLatch(1);
        final CountDownLatch interrupted = new CountDownLatch(1);

        @Override
        public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
            started.countDown();
            try {
                Thread.sleep(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return new Verdict(pitfall, variant, Outcome.INCONCLUSIVE, null, "the trial was interrupted", List.of(),
                    new Verdict.Timings(0, 0, 1), "");
        }
    }

    @Test
    void ctrlCWhileTheTrialRunsEndsItAndShowsItsVerdict() throws Exception {
        UntilInterrupted launcher = new UntilInterrupted();
        Thread[] caller = new Thread[1];
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        caller[0] = Thread.ofPlatform().start(() -> exit.complete(run(launcher, "run", "lost-update")));
        assertTrue(launcher.started.await(10, TimeUnit.SECONDS));

        caller[0].interrupt(); // what Ctrl-C does to the REPL's thread

        assertTrue(launcher.interrupted.await(10, TimeUnit.SECONDS), "the trial is told to end");
        assertEquals(ExitCodes.INCONCLUSIVE, exit.get(10, TimeUnit.SECONDS), err::toString);
        assertTrue(out.toString().contains("INCONCLUSIVE") && out.toString().contains("the trial was interrupted"),
                out::toString);
    }

    @Test
    void anUnknownIdIsAUsageErrorAndStartsNoTrial() {
        UntilInterrupted launcher = new UntilInterrupted();

        assertEquals(ExitCodes.USAGE, run(launcher, "run", "lost-updat"));
        assertEquals(1, launcher.started.getCount(), "no trial of an id no pitfall has");
        assertTrue(err.toString().contains("did you mean lost-update"), err::toString);
    }
}
