package workbook.runner;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code workbook reset <id>}: a fresh copy of the broken example; the old copy is kept beside it. */
@Command(name = "reset", mixinStandardHelpOptions = true, description = "Give yourself a fresh copy of the broken example; your old copy is kept as a .bak file.")
final class ResetCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<id>", completionCandidates = PitfallIds.class, description = "The pitfall.")
    String id;

    @Override
    public Integer call() throws Exception {
        Workbook wb = main.workbook;
        Catalog.Entry entry = wb.catalog().require(id);
        Path backup = wb.workspace().reset(entry.pitfall());
        spec.commandLine().getOut().println("Fresh copy: " + wb.workspace().copyOf(entry.pitfall())
                + (backup == null ? "" : "\nYour old copy: " + backup));
        return ExitCodes.AS_EXPECTED;
    }
}
