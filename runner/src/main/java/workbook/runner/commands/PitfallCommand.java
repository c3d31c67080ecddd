package workbook.runner.commands;

import picocli.CommandLine.Parameters;
import workbook.runner.catalog.Catalog;
import workbook.runner.catalog.PitfallIds;

/** A subcommand about one pitfall, named by its id. */
abstract class PitfallCommand extends WorkbookCommand {

    @Parameters(paramLabel = "<id>", completionCandidates = PitfallIds.class, description = "The pitfall, e.g. lost-update ('workbook list' shows them all).")
    String id;

    /** The pitfall, or a usage error that suggests the ids the learner may have meant. */
    Catalog.Entry entry() {
        return workbook().catalog().require(id);
    }
}
