package workbook.runner;

import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine;
import workbook.harness.Processes;
import workbook.runner.commands.EarlyTrial;
import workbook.harness.TrialLauncher;
import workbook.runner.catalog.Catalog;
import workbook.runner.commands.BenchCommand;
import workbook.runner.commands.CheckCommand;
import workbook.runner.commands.CompletionCommand;
import workbook.runner.commands.HintCommand;
import workbook.runner.commands.LessonCommand;
import workbook.runner.commands.ListCommand;
import workbook.runner.commands.PresentCommand;
import workbook.runner.commands.ProgressCommand;
import workbook.runner.commands.ReplCommand;
import workbook.runner.commands.ResetCommand;
import workbook.runner.commands.RunCommand;
import workbook.runner.commands.ShowCommand;
import workbook.runner.commands.SolutionCommand;
import workbook.runner.commands.StressCommand;
import workbook.runner.commands.TrackCommand;
import workbook.runner.commands.VerifyCommand;

/** The {@code workbook} command. */
@Command(name = "workbook", mixinStandardHelpOptions = true, version = "workbook 0.1.0", description = "The Concurrency Pitfalls Workbook: broken and fixed Java concurrency examples, "
        + "and the evidence of their failures.", subcommands = {ListCommand.class, ShowCommand.class, RunCommand.class,
                LessonCommand.class,
                CheckCommand.class, HintCommand.class, SolutionCommand.class, ResetCommand.class,
                VerifyCommand.class, BenchCommand.class, StressCommand.class, ProgressCommand.class, TrackCommand.class,
                PresentCommand.class,
                CompletionCommand.class,
                ReplCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements java.util.concurrent.Callable<Integer> {

    public final Workbook workbook;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    Main(Workbook workbook) {
        this.workbook = workbook;
    }

    public static void main(String[] args) {
        Processes.cleanUpOnExit();
        // A plain "run <id>": its trial's JVM starts now, while this one builds its command line and reads the catalog.
        EarlyTrial.headStart(args, new TrialLauncher());
        System.exit(commandLine(Workbook.fromEnvironment()).execute(args));
    }

    /** The command line with its error handling: one clear sentence, no stack trace unless {@code --verbose}. */
    public static CommandLine commandLine(Workbook workbook) {
        CommandLine line = new CommandLine(new Main(workbook));
        line.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP);
        line.getSubcommands().values().forEach(sub -> sub.getCommandSpec().usageMessage()
                .exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.HELP));
        // Whatever the command, what went wrong with the progress file is told once, after its own output.
        line.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                workbook.progress().takeWarnings().forEach(line.getErr()::println);
                line.getErr().flush();
            }
        });
        line.setExecutionExceptionHandler((e, cmd, parsed) -> {
            PrintWriter err = cmd.getErr();
            if (e instanceof Catalog.UnknownIdException || e instanceof Catalog.UnknownTrackException
                    || e instanceof UsageProblem) {
                err.println(e.getMessage());
                return ExitCodes.USAGE;
            }
            err.println("workbook failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            if (verbose(cmd)) {
                e.printStackTrace(err);
            } else {
                err.println("(run again with --verbose for the details)");
            }
            return ExitCodes.INTERNAL;
        });
        return line;
    }

    private static boolean verbose(CommandLine cmd) {
        return cmd.getParseResult() != null && cmd.getParseResult().hasMatchedOption("--verbose");
    }

    /** No command: the REPL, at the learner's next lesson. */
    @Override
    public Integer call() throws Exception {
        return ReplCommand.open(workbook);
    }

    /** A mistake on the command line that picocli cannot see (a file that is not there, a bad number). */
    public static final class UsageProblem extends RuntimeException {
        public UsageProblem(String message) {
            super(message);
        }
    }
}
