package workbook.lessons;

import java.util.List;

/**
 * A chapter of the workbook: its number gives the teaching order of chapters, and {@code lessons} the teaching order
 * of the lessons inside it (by id).
 */
public record Chapter(int number, String title, List<String> lessons) {

    public Chapter {
        lessons = List.copyOf(lessons);
    }

    /** Where a lesson comes in this chapter: its place in {@link #lessons}, or after all of them when unlisted. */
    int position(String lessonId) {
        int index = lessons.indexOf(lessonId);
        return index < 0 ? lessons.size() : index;
    }
}
