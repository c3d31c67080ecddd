package workbook.runner;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbook solution <id>}: the fix, as a diff against the broken example. */
@Command(name = "solution", mixinStandardHelpOptions = true, description = "Show the fix as a diff of the broken example against the fixed one.")
final class SolutionCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<id>", completionCandidates = PitfallIds.class, description = "The pitfall.")
    String id;

    @Override
    public Integer call() {
        Workbook wb = main.workbook;
        spec.commandLine().getOut().print(SolutionDiff.of(wb.catalog().require(id).pitfall(), wb.style()));
        spec.commandLine().getOut().flush();
        return ExitCodes.AS_EXPECTED;
    }
}
