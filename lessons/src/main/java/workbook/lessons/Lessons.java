package workbook.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The lessons shipped in this module: every {@code lessons/<id>.md} on its class path entry, and the chapters.
 * Reading them never throws for a bad lesson: each problem is reported with its file and field.
 */
public final class Lessons {

    /** Where lessons live, in the jar and in the repository. */
    public static final String FOLDER = "lessons";
    public static final String REPOSITORY_FOLDER = "lessons/src/main/resources/" + FOLDER;

    private final List<Chapter> chapters;
    private final List<Lesson> lessons;
    private final List<Track> tracks;
    private final List<LessonFormatException> problems;

    private Lessons(List<Chapter> chapters, List<Lesson> lessons, List<Track> tracks,
            List<LessonFormatException> problems) {
        this.chapters = chapters;
        this.lessons = lessons;
        this.tracks = tracks;
        this.problems = problems;
    }

    /** Reads every lesson of this module. */
    public static Lessons load() {
        try (InputStream in = Lessons.class.getResourceAsStream("/" + FOLDER + "/chapters.yaml")) {
            List<Chapter> chapters = new ArrayList<>();
            for (Object entry : (List<?>) LessonParser.yaml().load(in)) {
                Map<?, ?> chapter = (Map<?, ?>) entry;
                List<?> order = (List<?>) chapter.get("lessons");
                chapters.add(new Chapter((Integer) chapter.get("number"), (String) chapter.get("title"),
                        order == null ? List.of() : order.stream().map(String::valueOf).toList()));
            }
            Lessons read = read(chapters, lessonFiles());
            return read.withTracks(yamlResource("tracks.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the lessons: " + e.getMessage(), e);
        }
    }

    /** Parses lesson texts keyed by id; for tests and for lessons read from elsewhere. */
    public static Lessons read(List<Chapter> chapters, Map<String, String> textsById) {
        List<Lesson> lessons = new ArrayList<>();
        List<LessonFormatException> problems = new ArrayList<>();
        textsById.forEach((id, text) -> {
            String file = REPOSITORY_FOLDER + "/" + id + ".md";
            try {
                Lesson lesson = LessonParser.parse(file, id, text);
                if (chapters.stream().noneMatch(c -> c.number() == lesson.chapter())) {
                    throw new LessonFormatException(file, "chapter",
                            "there is no chapter " + lesson.chapter() + " in " + FOLDER + "/chapters.yaml");
                }
                lessons.add(lesson);
            } catch (LessonFormatException e) {
                problems.add(e);
            }
        });
        Map<Integer, Chapter> byNumber = new TreeMap<>();
        chapters.forEach(c -> byNumber.put(c.number(), c));
        lessons.sort(Comparator.comparingInt(Lesson::chapter)
                .thenComparingInt(lesson -> byNumber.get(lesson.chapter()).position(lesson.id()))
                .thenComparing(Lesson::id));
        return new Lessons(List.copyOf(chapters), List.copyOf(lessons), List.of(), List.copyOf(problems));
    }

    /** These lessons with the tracks of a {@code tracks.yaml}'s YAML, checked against them. */
    public Lessons withTracks(Object tracksYaml) {
        List<LessonFormatException> more = new ArrayList<>(problems);
        List<Track> read = TracksFile.read(tracksYaml, lessons, more);
        return new Lessons(chapters, lessons, read, List.copyOf(more));
    }

    /** Parses YAML text, e.g. a {@code tracks.yaml}; for tests and for files read from elsewhere. */
    public static Object yaml(String text) {
        return LessonParser.yaml().load(text);
    }

    private static Object yamlResource(String name) throws IOException {
        try (InputStream in = Lessons.class.getResourceAsStream("/" + FOLDER + "/" + name)) {
            if (in == null) {
                throw new IOException("there is no " + FOLDER + "/" + name);
            }
            return LessonParser.yaml().load(in);
        }
    }

    public List<Chapter> chapters() {
        return chapters;
    }

    /** The lessons that could be read, in teaching order. */
    public List<Lesson> all() {
        return lessons;
    }

    /** The tracks that could be read, in the file's order. */
    public List<Track> tracks() {
        return tracks;
    }

    public Optional<Track> track(String name) {
        return tracks.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    /** The lessons and tracks that could not be read, each with its file and field. */
    public List<LessonFormatException> problems() {
        return problems;
    }

    public Optional<Lesson> byId(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The {@code *.md} files of this module's class path entry (a jar or a classes folder), by id. */
    private static Map<String, String> lessonFiles() throws IOException {
        Path root;
        try {
            root = Path.of(Lessons.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the lessons", e);
        }
        if (Files.isDirectory(root)) {
            return read(root.resolve(FOLDER));
        }
        try (FileSystem jar = FileSystems.newFileSystem(root)) {
            return read(jar.getPath("/" + FOLDER));
        }
    }

    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".md")).toList()) {
                String name = file.getFileName().toString();
                texts.put(name.substring(0, name.length() - ".md".length()),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
