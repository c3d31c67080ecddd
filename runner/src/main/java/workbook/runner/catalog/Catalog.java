package workbook.runner.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import workbook.harness.Pitfall;
import workbook.harness.Pitfalls;
import workbook.lessons.Chapter;
import workbook.lessons.Lesson;
import workbook.lessons.Lessons;
import workbook.lessons.Track;

/** The workbook's pitfalls joined with their lessons, in teaching order. */
public final class Catalog {

    /** A pitfall and its lesson ({@code null} when the lesson is missing or unreadable). */
    public record Entry(Pitfall<?> pitfall, Lesson lesson) {

        public String id() {
            return pitfall.id();
        }

        public String title() {
            return lesson == null ? "(no lesson)" : lesson.title();
        }

        public int chapter() {
            return lesson == null ? Integer.MAX_VALUE : lesson.chapter();
        }

        /** The lesson, for a command that shows it: one that is missing or unreadable is a broken build. */
        public Lesson requireLesson() {
            if (lesson == null) {
                throw new IllegalStateException("the lesson of " + id() + " is missing or cannot be read");
            }
            return lesson;
        }
    }

    private final List<Entry> entries;
    private final Lessons lessons;

    Catalog(List<Pitfall<?>> pitfalls, Lessons lessons) {
        this.lessons = lessons;
        List<Lesson> order = lessons.all();
        this.entries = pitfalls.stream().map(p -> new Entry(p, lessons.byId(p.id()).orElse(null)))
                .sorted(Comparator
                        .comparingInt((Entry e) -> e.lesson() == null ? order.size() : order.indexOf(e.lesson()))
                        .thenComparing(Entry::id))
                .toList();
    }

    public static Catalog load() {
        return new Catalog(Pitfalls.all(), Lessons.load());
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Chapter> chapters() {
        return lessons.chapters();
    }

    public Lessons lessons() {
        return lessons;
    }

    /** The tracks of {@code lessons/tracks.yaml} that could be read. */
    public List<Track> tracks() {
        return lessons.tracks();
    }

    /** The track of this name, or a usage error that names the tracks there are. */
    public Track requireTrack(String name) {
        return lessons.track(name).orElseThrow(() -> new UnknownTrackException(name,
                lessons.tracks().stream().map(Track::name).toList()));
    }

    /** The pitfalls of a track, in its order (a lesson without its pitfall left out). */
    public List<Entry> entriesOf(Track track) {
        return track.lessons().stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<Entry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    /** The entry with this id, or a usage error that suggests the ids it may have meant. */
    public Entry require(String id) {
        return find(id).orElseThrow(() -> new UnknownIdException(id, suggestions(id)));
    }

    /** Ids close to a mistyped one: those containing it, or within a few edits of it. */
    List<String> suggestions(String typed) {
        String wanted = typed.toLowerCase(Locale.ROOT);
        return entries.stream().map(Entry::id)
                .filter(id -> id.contains(wanted) || wanted.contains(id) || distance(id, wanted) <= 3)
                .sorted(Comparator.comparingInt(id -> distance(id, wanted))).limit(3).toList();
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** A name no track has. */
    public static final class UnknownTrackException extends RuntimeException {
        UnknownTrackException(String name, List<String> tracks) {
            super("There is no track '" + name + "'. The tracks: " + String.join(", ", tracks)
                    + " (`workbook track list` says what each is).");
        }
    }

    /** An id no pitfall has. */
    public static final class UnknownIdException extends RuntimeException {
        UnknownIdException(String id, List<String> suggestions) {
            super("There is no pitfall '" + id + "'"
                    + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(" or ", suggestions) + "?")
                    + (suggestions.isEmpty() ? " ('workbook list' shows them all)." : ""));
        }
    }
}
