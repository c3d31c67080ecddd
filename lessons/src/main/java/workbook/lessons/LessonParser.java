package workbook.lessons;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads a lesson: YAML front matter between {@code ---} lines, then Markdown with the seven sections in order. */
public final class LessonParser {

    private static final Pattern FRONT_MATTER = Pattern.compile("\\A---\\R(.*?)\\R---\\R(.*)\\z", Pattern.DOTALL);
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final Pattern HEADING = Pattern.compile("^## (.+?)\\s*$", Pattern.MULTILINE);

    private LessonParser() {
    }

    /** A YAML reader that builds only plain maps, lists and scalars (SnakeYAML is not thread-safe: one per use). */
    static final int MIN_MINUTES = 5;
    static final int MAX_MINUTES = 60;

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    /**
     * @param file the lesson's path as a learner finds it, used in messages
     * @param expectedId the id the file name gives
     */
    public static Lesson parse(String file, String expectedId, String text) throws LessonFormatException {
        Matcher parts = FRONT_MATTER.matcher(text.replace("\r\n", "\n"));
        if (!parts.matches()) {
            throw new LessonFormatException(file, null,
                    "does not start with front matter between two '---' lines");
        }
        Map<?, ?> fields;
        try {
            Object yaml = yaml().load(parts.group(1));
            if (!(yaml instanceof Map<?, ?> map)) {
                throw new LessonFormatException(file, null, "its front matter is not a set of 'field: value' lines");
            }
            fields = map;
        } catch (MarkedYAMLException e) {
            throw new LessonFormatException(file, null, "its front matter is not valid YAML: " + e.getProblem()
                    + " (line " + (e.getProblemMark().getLine() + 2) + ")");
        } catch (YAMLException e) {
            throw new LessonFormatException(file, null, "its front matter is not valid YAML: " + e.getMessage());
        }
        Fields f = new Fields(file, fields);
        String id = f.text("id");
        if (!ID.matcher(id).matches()) {
            throw f.wrong("id", "'" + id + "' is not a kebab-case id");
        }
        if (!id.equals(expectedId)) {
            throw f.wrong("id", "'" + id + "' does not match the file name (" + expectedId + ".md)");
        }
        Map<?, ?> predict = f.map("predict");
        Fields p = new Fields(file, predict, "predict.");
        List<String> choices = p.texts("choices", 2);
        int answer = p.number("answer");
        if (answer < 1 || answer > choices.size()) {
            throw p.wrong("answer", "must be between 1 and " + choices.size() + " (the number of choices)");
        }
        int minutes = f.number("minutes");
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw f.wrong("minutes", "must be from " + MIN_MINUTES + " to " + MAX_MINUTES + " (a learner's time for the"
                    + " lesson, at the keyboard)");
        }
        String body = parts.group(2);
        checkSections(file, body);
        return new Lesson(id, f.text("title"), f.number("chapter"), f.text("kind"), minutes, f.texts("seed", 1),
                f.text("summary"), new Lesson.Prediction(p.text("question"), choices, answer), f.texts("hints", 3),
                discussion(file, f),
                f.optionalText("jcstress"), body, file);
    }

    /** The optional {@code discuss} list: each entry a question and its answer. */
    private static List<Lesson.Discussion> discussion(String file, Fields f) throws LessonFormatException {
        if (!f.map().containsKey("discuss")) {
            return List.of();
        }
        if (!(f.map().get("discuss") instanceof List<?> entries)) {
            throw f.wrong("discuss", "must be a list of questions, each with its answer");
        }
        List<Lesson.Discussion> questions = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> map)) {
                throw f.wrong("discuss", "entry " + (questions.size() + 1) + " must have a question and an answer");
            }
            Fields q = new Fields(file, map, "discuss[" + (questions.size() + 1) + "].");
            questions.add(new Lesson.Discussion(q.text("question"), q.text("answer")));
        }
        return questions;
    }

    private static void checkSections(String file, String body) throws LessonFormatException {
        List<String> headings = new ArrayList<>();
        Matcher heading = HEADING.matcher(body);
        while (heading.find()) {
            headings.add(heading.group(1));
        }
        for (String section : Lesson.SECTIONS) {
            if (!headings.contains(section)) {
                throw new LessonFormatException(file, null, "has no '## " + section + "' section");
            }
        }
        List<String> found = headings.stream().filter(Lesson.SECTIONS::contains).toList();
        if (!found.equals(Lesson.SECTIONS)) {
            throw new LessonFormatException(file, null,
                    "has its sections out of order: " + found + "; the order is " + Lesson.SECTIONS);
        }
    }

    /** Typed access to front matter fields, failing with the file and the field's name. */
    private record Fields(String file, Map<?, ?> map, String prefix) {

        Fields(String file, Map<?, ?> map) {
            this(file, map, "");
        }

        LessonFormatException wrong(String field, String problem) {
            return new LessonFormatException(file, prefix + field, problem);
        }

        private Object required(String field) throws LessonFormatException {
            Object value = map.get(field);
            if (value == null) {
                throw wrong(field, "is missing");
            }
            return value;
        }

        String text(String field) throws LessonFormatException {
            Object value = required(field);
            if (!(value instanceof String s) || s.isBlank()) {
                throw wrong(field, "must be a non-empty text");
            }
            return s.strip();
        }

        /** The field's text, or null when it is absent. */
        String optionalText(String field) throws LessonFormatException {
            return map.containsKey(field) ? text(field) : null;
        }

        int number(String field) throws LessonFormatException {
            if (!(required(field) instanceof Integer n)) {
                throw wrong(field, "must be a whole number");
            }
            return n;
        }

        Map<?, ?> map(String field) throws LessonFormatException {
            if (!(required(field) instanceof Map<?, ?> m)) {
                throw wrong(field, "must hold fields of its own");
            }
            return m;
        }

        List<String> texts(String field, int atLeast) throws LessonFormatException {
            Object value = required(field);
            if (!(value instanceof List<?> list) || list.size() < atLeast) {
                throw wrong(field, "must be a list of at least " + atLeast + (atLeast == 1 ? " entry" : " entries"));
            }
            List<String> texts = new ArrayList<>();
            for (Object entry : list) {
                if (!(entry instanceof String s) || s.isBlank()) {
                    throw wrong(field, "entry " + (texts.size() + 1) + " must be a non-empty text (quote numbers)");
                }
                texts.add(s.strip());
            }
            return texts;
        }
    }
}
