package workbook.runner.commands;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.PitfallIds;
import workbook.runner.present.Presentation;
import workbook.runner.terminal.MarkdownText;
import workbook.runner.terminal.Terminal;

/** {@code workbook present <id> | --track <name>}: a pitfall for a projector, a key a step. */
@Command(name = "present", mixinStandardHelpOptions = true, description = "Present a pitfall (or a track's pitfalls) for a projector, one step per key: the incident, the question for the room, the broken code and its run, the fix as a diff, the fixed run, questions for the room and their answers. The runs start in the background and are run again until they show their point. When the output is no terminal, every step is written out.")
public final class PresentCommand extends WorkbookCommand implements Callable<Integer> {

    @Parameters(paramLabel = "<id>", arity = "0..1", completionCandidates = PitfallIds.class, description = "The pitfall to present.")
    String id;

    @Option(names = "--track", paramLabel = "<name>", description = "Present every pitfall of this track, in its order.")
    String track;

    @Override
    public Integer call() throws Exception {
        Workbook wb = workbook();
        Catalog catalog = wb.catalog();
        if ((id == null) == (track == null)) {
            throw new Main.UsageProblem("Name a pitfall or a track: `workbook present <id>` or `workbook present"
                    + " --track <name>`.");
        }
        List<Catalog.Entry> entries = id != null
                ? List.of(catalog.require(id))
                : catalog.entriesOf(catalog.requireTrack(track));
        Presentation presentation = new Presentation(entries, wb.launcher());
        if (Terminal.interactive()) {
            presentation.present(wb.style());
        } else {
            presentation.print(out(), MarkdownText.terminalWidth(), wb.style());
        }
        return ExitCodes.AS_EXPECTED;
    }
}
