package workbook.runner;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.lessons.Lesson;

/** A lesson's body cut into its {@code ##} sections, for the guided walk that shows them one at a time. */
final class LessonSections {

    private static final Pattern HEADING = Pattern.compile("^## (.+?)\\s*$", Pattern.MULTILINE);

    private LessonSections() {
    }

    /** Section title to its Markdown, heading excluded, in the lesson's order. */
    static Map<String, String> of(Lesson lesson) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(lesson.body());
        String title = null;
        int start = 0;
        while (heading.find()) {
            if (title != null) {
                sections.put(title, lesson.body().substring(start, heading.start()).strip());
            }
            title = heading.group(1);
            start = heading.end();
        }
        if (title != null) {
            sections.put(title, lesson.body().substring(start).strip());
        }
        return sections;
    }
}
