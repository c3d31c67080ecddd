package workbook.runner;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import workbook.lessons.Chapter;

/** {@code workbook list}: the chapters and their pitfalls. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the chapters and their pitfalls.")
final class ListCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        Catalog catalog = Catalog.load();
        PrintWriter out = spec.commandLine().getOut();
        int idWidth = catalog.entries().stream().mapToInt(e -> e.id().length()).max().orElse(10);
        for (Chapter chapter : catalog.chapters()) {
            List<Catalog.Entry> entries = catalog.entries().stream().filter(e -> e.chapter() == chapter.number())
                    .toList();
            if (entries.isEmpty()) {
                continue;
            }
            out.printf("%nChapter %d: %s%n", chapter.number(), chapter.title());
            for (Catalog.Entry entry : entries) {
                out.printf("  %-" + idWidth + "s  %-12s %s%n", entry.id(), entry.pitfall().kind(), entry.title());
            }
        }
        List<Catalog.Entry> orphans = catalog.entries().stream().filter(e -> e.lesson() == null).toList();
        if (!orphans.isEmpty()) {
            out.printf("%nWithout a readable lesson:%n");
            orphans.forEach(e -> out.printf("  %-" + idWidth + "s  %s%n", e.id(), e.pitfall().kind()));
        }
        out.flush();
    }
}
