package workbook.runner.catalog;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.lessons.Lesson;

/** A lesson's body cut into its {@code ##} sections, for the guided walk that shows them one at a time. */
public final class LessonSections {

    private static final Pattern HEADING = Pattern.compile("^## (.+?)\\s*$", Pattern.MULTILINE);

    private LessonSections() {
    }

    /**
     * The lesson's Markdown as a learner reads it: where the front matter says why no jcstress test stands beside the
     * pitfall, its Observe section ends by saying so.
     */
    public static String body(Lesson lesson) {
        String body = lesson.body();
        int why = body.indexOf("\n## Why");
        if (lesson.noJcstress() == null || why < 0) {
            return body;
        }
        return body.substring(0, why).stripTrailing() + "\n\nNo jcstress test stands beside this pitfall: "
                + lesson.noJcstress() + "\n" + body.substring(why);
    }

    /** Section title to its Markdown, heading excluded, in the lesson's order. */
    public static Map<String, String> of(Lesson lesson) {
        Map<String, String> sections = new LinkedHashMap<>();
        String body = body(lesson);
        Matcher heading = HEADING.matcher(body);
        String title = null;
        int start = 0;
        while (heading.find()) {
            if (title != null) {
                sections.put(title, body.substring(start, heading.start()).strip());
            }
            title = heading.group(1);
            start = heading.end();
        }
        if (title != null) {
            sections.put(title, body.substring(start).strip());
        }
        return sections;
    }
}
