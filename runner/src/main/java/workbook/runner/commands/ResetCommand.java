package workbook.runner.commands;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import workbook.runner.ExitCodes;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;

/** {@code workbook reset <id>}: a fresh copy of the broken example; the old copy is kept beside it. */
@Command(name = "reset", mixinStandardHelpOptions = true, description = "Give yourself a fresh copy of the broken example; your old copy is kept as a .bak file.")
public final class ResetCommand extends PitfallCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        Workbook wb = workbook();
        Catalog.Entry entry = entry();
        Path backup = wb.workspace().reset(entry.pitfall());
        out().println("Fresh copy: " + wb.workspace().copyOf(entry.pitfall())
                + (backup == null ? "" : "\nYour old copy: " + backup));
        return ExitCodes.AS_EXPECTED;
    }
}
