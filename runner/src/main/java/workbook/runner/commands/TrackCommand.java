package workbook.runner.commands;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import workbook.lessons.Track;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.LearnerProgress;
import workbook.runner.terminal.Style;

/** {@code workbook track [list | show <name> | follow <name> | leave]}: paths through the catalog for a session. */
@Command(name = "track", mixinStandardHelpOptions = true, description = "List the tracks (paths through the catalog for a session of a given length), show one, or follow one: then list, the REPL's start and /next go in its order.")
public final class TrackCommand extends WorkbookCommand implements Callable<Integer> {

    enum Action {
        list, show, follow, leave
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "<action>", description = "list (the default), show, follow or leave.")
    Action action = Action.list;

    @Parameters(index = "1", arity = "0..1", paramLabel = "<name>", description = "The track to show or follow.")
    String name;

    @Override
    public Integer call() {
        Workbook wb = workbook();
        PrintWriter out = out();
        switch (action) {
            case list -> list(wb, out);
            case show -> show(wb, wb.catalog().requireTrack(required()), out);
            case follow -> follow(wb, wb.catalog().requireTrack(required()), out);
            case leave -> leave(wb, out);
        }
        out.flush();
        return ExitCodes.AS_EXPECTED;
    }

    private String required() {
        if (name == null) {
            throw new Main.UsageProblem("Name the track: `workbook track " + action + " <name>` (`workbook track list`"
                    + " names them).");
        }
        return name;
    }

    private static void list(Workbook wb, PrintWriter out) {
        Style style = wb.style();
        Optional<Track> followed = wb.followedTrack();
        List<Track> tracks = wb.catalog().tracks();
        int width = tracks.stream().mapToInt(t -> t.name().length()).max().orElse(10);
        for (Track track : tracks) {
            boolean following = followed.filter(t -> t.name().equals(track.name())).isPresent();
            out.printf(Locale.ROOT, "  %-" + width + "s  %4d min  %2d pitfalls  %s%s%n", track.name(), track.minutes(),
                    track.lessons().size(), track.title(), following ? "  " + style.green("(following)") : "");
        }
        out.println();
        out.println("`workbook track show <name>` lists a track's pitfalls;");
        out.println("`workbook track follow <name>` makes list and the REPL go in its order.");
    }

    private static void show(Workbook wb, Track track, PrintWriter out) {
        Style style = wb.style();
        Catalog catalog = wb.catalog();
        LearnerProgress progress = wb.progress().load();
        out.println(style.bold(track.title()) + " (" + track.name() + ", " + track.minutes() + " minutes)");
        out.println(track.audience());
        out.println();
        List<Catalog.Entry> entries = catalog.entriesOf(track);
        int width = entries.stream().mapToInt(e -> e.id().length()).max().orElse(10);
        int minutes = 0;
        for (int i = 0; i < entries.size(); i++) {
            Catalog.Entry entry = entries.get(i);
            int lessonMinutes = entry.requireLesson().minutes();
            minutes += lessonMinutes;
            out.printf(Locale.ROOT, "  %2d. %-" + width + "s  %2d min  %-6s %s%n", i + 1, entry.id(), lessonMinutes,
                    progress.status(entry.id()).name().toLowerCase(Locale.ROOT), entry.title());
        }
        out.println();
        out.printf(Locale.ROOT, "The lessons take %d of its %d minutes; the rest is the room's discussion.%n", minutes,
                track.minutes());
    }

    private static void follow(Workbook wb, Track track, PrintWriter out) {
        LearnerProgress progress = wb.progress().follow(track.name());
        List<Catalog.Entry> entries = wb.catalog().entriesOf(track);
        long fixed = entries.stream().filter(e -> progress.status(e.id()) == LearnerProgress.Status.FIXED).count();
        out.printf(Locale.ROOT, "You follow %s now (%d pitfalls, %d fixed): `workbook list`, the REPL's start and"
                + " /next go in its order.%n", track.name(), entries.size(), fixed);
        wb.nextNotFixed(null)
                .ifPresentOrElse(next -> out.println("Next: " + next.id() + " (`workbook lesson " + next.id() + "`, or"
                        + " `workbook repl`)."), () -> out.println("Every pitfall of it is fixed already."));
    }

    private static void leave(Workbook wb, PrintWriter out) {
        Optional<Track> followed = wb.followedTrack();
        wb.progress().follow(null);
        out.println(followed.map(t -> "You follow " + t.name() + " no more").orElse("You follow no track")
                + ": `workbook list` and the REPL go in the catalog's order.");
    }
}
