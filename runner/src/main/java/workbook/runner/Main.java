package workbook.runner;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code workbook} command. */
@Command(name = "workbook", mixinStandardHelpOptions = true, version = "workbook 0.1.0", description = "The Concurrency Pitfalls Workbook: broken and fixed Java concurrency examples, "
        + "and the evidence of their failures.", subcommands = {ListCommand.class, RunCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with its error handling: one clear sentence, no stack trace unless {@code --verbose}. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main());
        for (CommandLine command : List.of(line, line.getSubcommands().get("run"))) {
            command.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(ExitCodes.HELP);
        }
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof Catalog.UnknownIdException) {
                err.println(e.getMessage());
                return ExitCodes.USAGE;
            }
            err.println("workbook failed: " + e.getMessage());
            if (cmd.getParseResult().hasMatchedOption("--verbose")) {
                e.printStackTrace(err);
            }
            return ExitCodes.INTERNAL;
        });
        return line;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
