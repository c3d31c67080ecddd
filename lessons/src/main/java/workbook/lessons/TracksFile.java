package workbook.lessons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code lessons/tracks.yaml}, read and checked against the lessons. A track that cannot be used is left out and
 * reported with what is wrong with it, as a lesson is: a broken file never stops the workbook.
 */
final class TracksFile {

    static final String FILE = Lessons.REPOSITORY_FOLDER + "/tracks.yaml";
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private TracksFile() {
    }

    /** The tracks of the file's YAML (a list of maps), each checked against {@code lessons}. */
    static List<Track> read(Object yaml, List<Lesson> lessons, List<LessonFormatException> problems) {
        if (!(yaml instanceof List<?> entries)) {
            problems.add(problem(null, "must be a list of tracks"));
            return List.of();
        }
        List<Track> tracks = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Object entry : entries) {
            try {
                Track track = track(entry);
                if (!names.add(track.name())) {
                    throw problem(track.name(), "is named twice");
                }
                check(track, lessons);
                tracks.add(track);
            } catch (LessonFormatException e) {
                problems.add(e);
            }
        }
        return List.copyOf(tracks);
    }

    private static Track track(Object entry) throws LessonFormatException {
        if (!(entry instanceof Map<?, ?> map) || !(map.get("name") instanceof String name)) {
            throw problem(null, "every track needs a name: " + entry);
        }
        if (!NAME.matcher(name).matches()) {
            throw problem(name, "its name must be kebab-case");
        }
        if (!(map.get("title") instanceof String title) || title.isBlank()) {
            throw problem(name, "needs a title");
        }
        if (!(map.get("minutes") instanceof Integer minutes) || minutes <= 0) {
            throw problem(name, "needs its length in minutes, a whole number");
        }
        if (!(map.get("audience") instanceof String audience) || audience.isBlank()) {
            throw problem(name, "needs an audience: who it is for, in a sentence");
        }
        if (!(map.get("lessons") instanceof List<?> ids) || ids.isEmpty()) {
            throw problem(name, "needs its lessons, a list of ids");
        }
        return new Track(name, title.strip(), minutes, audience.strip(), ids.stream().map(String::valueOf).toList());
    }

    private static void check(Track track, List<Lesson> lessons) throws LessonFormatException {
        Set<String> seen = new HashSet<>();
        int minutes = 0;
        for (String id : track.lessons()) {
            if (!seen.add(id)) {
                throw problem(track.name(), "lists " + id + " twice");
            }
            Lesson lesson = lessons.stream().filter(l -> l.id().equals(id)).findFirst()
                    .orElseThrow(() -> problem(track.name(), "lists " + id + ", which is no lesson"));
            minutes += lesson.minutes();
        }
        if (minutes > track.minutes()) {
            throw problem(track.name(), "its lessons take " + minutes + " minutes, more than its " + track.minutes());
        }
    }

    private static LessonFormatException problem(String track, String problem) {
        return new LessonFormatException(FILE, null, (track == null ? "" : "track '" + track + "' ") + problem);
    }
}
