package workbook.runner;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code workbook solution <id>}: the fix, as a diff against the broken example. */
@Command(name = "solution", mixinStandardHelpOptions = true, description = "Show the fix as a diff of the broken example against the fixed one.")
final class SolutionCommand extends PitfallCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        Workbook wb = workbook();
        out().print(SolutionDiff.of(entry().pitfall(), wb.style()));
        out().flush();
        return ExitCodes.AS_EXPECTED;
    }
}
