package workbook.lessons;

import java.util.List;

/**
 * A named path through the catalog for a session of a given length ({@code lessons/tracks.yaml}): its lessons in the
 * order to teach them.
 *
 * @param name how a command names it, e.g. {@code first-hour}
 * @param minutes the session's length: its lessons' own minutes, and the room's discussion
 * @param audience who it is for, in a sentence
 * @param lessons the ids of its lessons, in teaching order
 */
public record Track(String name, String title, int minutes, String audience, List<String> lessons) {

    public Track {
        lessons = List.copyOf(lessons);
    }
}
