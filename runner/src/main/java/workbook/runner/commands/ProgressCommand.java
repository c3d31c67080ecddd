package workbook.runner.commands;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.ClassTable;
import workbook.runner.learner.LearnerProgress.PitfallProgress;
import workbook.runner.learner.LearnerProgress.Status;
import workbook.runner.learner.LearnerProgress;
import workbook.runner.learner.ProgressStore;
import workbook.runner.learner.Workspace;

/** {@code workbook progress}: the learner's progress; exports for an instructor, and a class table from many. */
@Command(name = "progress", mixinStandardHelpOptions = true, description = {
        "Show your progress, export it for your instructor, or (instructors) merge exports into a "
                + "class table."})
public final class ProgressCommand extends WorkbookCommand implements Callable<Integer> {

    @Option(names = "--export", paramLabel = "<file>", description = "Write your progress to FILE, to hand in.")
    Path export;

    @Option(names = "--name", paramLabel = "<name>", description = "Your name in the export (default: your login).")
    String name;

    @Option(names = "--merge", paramLabel = "<file>", arity = "1..*", description = "Merge these exports into one class table.")
    List<Path> merge = new ArrayList<>();

    @Option(names = "--markdown", description = "With --merge: the class table as Markdown tables.")
    boolean markdown;

    @Option(names = "--track", paramLabel = "<name>", description = "With --merge: only this track's pitfalls, in its order (default: the pitfalls somebody started).")
    String track;

    @Override
    public Integer call() throws IOException {
        Workbook wb = workbook();
        PrintWriter out = out();
        if (merge.isEmpty() && (markdown || track != null)) {
            throw new Main.UsageProblem("--markdown and --track shape the class table: use them with --merge <files>.");
        }
        if (!merge.isEmpty()) {
            List<LearnerProgress> learners = readExports();
            ClassTable table = new ClassTable(learners, classPitfalls(learners, wb));
            out.print(markdown ? table.markdown() : table.text());
            out.flush();
            return ExitCodes.AS_EXPECTED;
        }
        LearnerProgress progress = wb.progress().load();
        if (name != null) {
            progress = progress.named(name);
            wb.progress().save(progress);
        }
        if (export != null) {
            Workspace.write(export.toAbsolutePath(), ProgressStore.json().writeValueAsString(progress));
            out.println("Exported " + progress.learner() + "'s progress to " + export + ".");
            return ExitCodes.AS_EXPECTED;
        }
        out.print(ownTable(progress, wb));
        out.flush();
        return ExitCodes.AS_EXPECTED;
    }

    private List<LearnerProgress> readExports() {
        List<LearnerProgress> learners = new ArrayList<>();
        for (Path file : merge) {
            if (!Files.isRegularFile(file)) {
                throw new Main.UsageProblem("There is no export " + file + ".");
            }
            try {
                learners.add(ProgressStore.json().readValue(file.toFile(), LearnerProgress.class));
            } catch (IOException e) {
                throw new Main.UsageProblem(file + " is not a workbook progress export: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        return learners;
    }

    private static String ownTable(LearnerProgress progress, Workbook wb) {
        StringBuilder out = new StringBuilder();
        List<Catalog.Entry> entries = wb.catalog().entries();
        long fixed = entries.stream().filter(e -> progress.status(e.id()) == Status.FIXED).count();
        out.append(String.format(Locale.ROOT, "%s: %d of %d pitfalls fixed.%n%n", progress.learner(), fixed,
                entries.size()));
        int idWidth = entries.stream().mapToInt(e -> e.id().length()).max().orElse(10);
        out.append(String.format(Locale.ROOT, "  %-" + idWidth + "s  %-6s %-10s %-6s %s%n", "pitfall", "status",
                "predicted", "hints", "checks"));
        for (Catalog.Entry e : entries) {
            PitfallProgress p = progress.of(e.id());
            out.append(String.format(Locale.ROOT, "  %-" + idWidth + "s  %-6s %-10s %-6d %d%n", e.id(),
                    p.status().name().toLowerCase(Locale.ROOT), p.prediction() == 0
                            ? "-"
                            : p.predictedRight() ? "right" : "wrong",
                    p.hintsShown(), p.checks()));
        }
        return out.toString();
    }

    /** The track's pitfalls, or those somebody started, in the catalog's order. */
    private List<String> classPitfalls(List<LearnerProgress> learners, Workbook wb) {
        Catalog catalog = wb.catalog();
        if (track != null) {
            return catalog.entriesOf(catalog.requireTrack(track)).stream().map(Catalog.Entry::id).toList();
        }
        return catalog.entries().stream().map(Catalog.Entry::id)
                .filter(id -> learners.stream().anyMatch(l -> l.status(id) != Status.NEW)).toList();
    }
}
