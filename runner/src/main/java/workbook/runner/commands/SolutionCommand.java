package workbook.runner.commands;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import workbook.runner.ExitCodes;
import workbook.runner.Workbook;
import workbook.runner.terminal.SolutionDiff;

/** {@code workbook solution <id>}: the fix, as a diff against the broken example. */
@Command(name = "solution", mixinStandardHelpOptions = true, description = "Show the fix as a diff of the broken example against the fixed one.")
public final class SolutionCommand extends PitfallCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Workbook wb = workbook();
        out().print(SolutionDiff.of(entry().pitfall(), wb.style()));
        out().flush();
        return ExitCodes.AS_EXPECTED;
    }
}
