package workbook.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import workbook.harness.Processes;
import workbook.harness.TrialLauncher;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.Workspace;
import workbook.runner.repl.Repl;
import workbook.runner.terminal.Style;

/**
 * The run from which the launcher makes the workbook's ahead-of-time cache (JDK 25 and later, JEP 483 and 514): the
 * commands a learner runs most, in one JVM, in a workspace of its own that is deleted afterwards, their output
 * thrown away. The JVM records the classes they load and link; the next workbook JVMs map them instead of loading
 * them again. The REPL's Java shell is trained too (the compiler's classes); the JVM its snippets run in is its own.
 */
public final class StartupTraining {

    /** What is trained: the catalog, a lesson's text, a run of each variant (a trial JVM each), a check. */
    static final List<List<String>> COMMANDS = List.of(List.of("list"), List.of("show", "lost-update"),
            List.of("hint", "lost-update"), List.of("run", "lost-update"), List.of("run", "lost-update", "--fixed"),
            List.of("check", "lost-update"), List.of("progress"), List.of("verify", "--help"));

    private StartupTraining() {
    }

    public static void main(String[] args) throws IOException {
        Path home = Files.createTempDirectory("workbook-startup-training-");
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(nowhere);
        System.setErr(nowhere);
        try {
            Workbook workbook = new Workbook(Catalog::load, new Workspace(home), Style.plain(), new TrialLauncher(),
                    new BufferedReader(Reader.nullReader()), false);
            for (List<String> command : COMMANDS) {
                CommandLine line = Main.commandLine(workbook);
                line.setOut(new PrintWriter(Writer.nullWriter()));
                line.setErr(new PrintWriter(Writer.nullWriter()));
                line.execute(command.toArray(String[]::new));
            }
            Repl.trainShell();
        } finally {
            Processes.deleteQuietly(home);
        }
    }
}
