package workbook.runner.commands;

import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import workbook.runner.Main;
import workbook.runner.Workbook;

/** What every subcommand has: the workbook it works on, and its own output. */
abstract class WorkbookCommand {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", description = "Show the stack trace when the workbook itself fails.")
    boolean verbose;

    Workbook workbook() {
        return main.workbook;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
