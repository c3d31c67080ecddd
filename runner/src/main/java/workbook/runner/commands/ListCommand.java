package workbook.runner.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import workbook.lessons.Chapter;
import workbook.lessons.Track;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.LearnerProgress;
import workbook.runner.terminal.MarkdownText;
import workbook.runner.terminal.Style;

/** {@code workbook list}: the chapters, their pitfalls, and the learner's status on each. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the chapters and their pitfalls, with your status (new, seen, fixed); while you follow a track, its pitfalls in its order.")
public final class ListCommand extends WorkbookCommand implements Runnable {

    @Option(names = "--all", description = "The whole catalog by chapter, even while you follow a track.")
    boolean all;

    @Override
    public void run() {
        Workbook wb = workbook();
        Catalog catalog = wb.catalog();
        LearnerProgress progress = wb.progress().load();
        PrintWriter out = out();
        int idWidth = catalog.entries().stream().mapToInt(e -> e.id().length()).max().orElse(10);
        Optional<Track> track = all ? Optional.empty() : wb.followedTrack();
        if (track.isPresent()) {
            out.printf("%n%s%n", wb.style().bold("Track " + track.get().name() + ": " + track.get().title() + " ("
                    + track.get().minutes() + " minutes)"));
            catalog.entriesOf(track.get()).forEach(entry -> line(entry, idWidth, progress, wb.style(), out));
            out.printf("%n`workbook list --all` shows the whole catalog; `workbook track leave` stops following %s.%n",
                    track.get().name());
            out.flush();
            return;
        }
        for (Chapter chapter : catalog.chapters()) {
            List<Catalog.Entry> entries = catalog.entries().stream().filter(e -> e.chapter() == chapter.number())
                    .toList();
            if (entries.isEmpty()) {
                continue;
            }
            out.printf("%n%s%n", wb.style().bold("Chapter " + chapter.number() + ": " + chapter.title()));
            entries.forEach(entry -> line(entry, idWidth, progress, wb.style(), out));
        }
        List<Catalog.Entry> orphans = catalog.entries().stream().filter(e -> e.lesson() == null).toList();
        if (!orphans.isEmpty()) {
            out.printf("%nWithout a readable lesson:%n");
            orphans.forEach(e -> out.printf("  %-" + idWidth + "s  %s%n", e.id(), e.pitfall().kind()));
        }
        out.flush();
    }

    /** A pitfall's line: its id, kind, the learner's status, and its title wrapped under itself. */
    private static void line(Catalog.Entry entry, int idWidth, LearnerProgress progress, Style style,
            PrintWriter out) {
        // The title's column: "  " + id + "  " + kind (12) + " " + status (6) + " ".
        int titleColumn = 2 + idWidth + 2 + 12 + 1 + 6 + 1;
        out.printf("  %-" + idWidth + "s  %-12s %-6s %s%n", entry.id(), entry.pitfall().kind(),
                status(progress.status(entry.id()), style),
                wrapped(entry.title(), titleColumn, MarkdownText.terminalWidth()));
    }

    /** The title broken between words to fit the width, its continuation lines under its first. */
    static String wrapped(String title, int column, int width) {
        int room = width - column;
        if (title.length() <= room || room < 20) {
            return title; // it fits, or no width would do: the terminal wraps it
        }
        StringBuilder text = new StringBuilder();
        int length = 0;
        for (String word : title.split(" ")) {
            if (length > 0 && length + 1 + word.length() > room) {
                text.append('\n').append(" ".repeat(column));
                length = 0;
            } else if (length > 0) {
                text.append(' ');
                length++;
            }
            text.append(word);
            length += word.length();
        }
        return text.toString();
    }

    private static String status(LearnerProgress.Status status, Style style) {
        String text = String.format("%-6s", status.name().toLowerCase(java.util.Locale.ROOT));
        return switch (status) {
            case NEW -> style.dim(text);
            case SEEN -> style.yellow(text);
            case FIXED -> style.green(text);
        };
    }
}
