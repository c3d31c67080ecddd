package workbook.runner.commands;

import java.util.concurrent.Callable;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.learner.ProgressStore;
import workbook.runner.repl.Repl;

/** {@code workbook repl} (and {@code workbook} alone): the interactive shell. */
@Command(name = "repl", mixinStandardHelpOptions = true, description = "Learn and fix inside a live Java shell (what 'workbook' with no arguments opens).")
public final class ReplCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Override
    public Integer call() throws Exception {
        return open(main.workbook);
    }

    public static int open(Workbook wb) throws Exception {
        // The catalog and Jackson load while the terminal is set up: the prompt comes sooner.
        Thread preload = new Thread(() -> {
            wb.catalog();
            ProgressStore.warmUp();
        }, "workbook-preload");
        preload.setDaemon(true);
        preload.start();
        // A real terminal when there is one; a dumb one for pipes and scripts (no warning, no escape codes).
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true).build()) {
            return new Repl(wb, terminal, Repl.SNIPPET_LIMIT).run();
        }
    }
}
