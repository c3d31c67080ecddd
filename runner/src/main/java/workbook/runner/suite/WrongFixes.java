package workbook.runner.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import workbook.harness.Pitfall;
import workbook.runner.learner.Check;

/**
 * The wrong-fix fixtures: for every pitfall, plausible wrong fixes and correct alternative fixes of its broken
 * example, each a learner's file in {@code runner/src/main/resources/workbook/fixes/<id>/} (shipped in the runner's
 * jar, so that {@code verify --wrong-fixes} and a team's build can check them too), with the verdict {@code check}
 * must give it on a line of its own ({@code // expect: STILL BROKEN}). A file named {@code wrong-*.java} is a wrong
 * fix, {@code right-*.java} a right one; the file may be named anything, since a check compiles it as the subject
 * class.
 */
public final class WrongFixes {

    /** Where the fixtures are on the class path. */
    static final String RESOURCE_FOLDER = "workbook/fixes";
    static final String REPOSITORY_FOLDER = "runner/src/main/resources/" + RESOURCE_FOLDER;

    static final int MIN_WRONG = 3;
    static final int MIN_RIGHT = 1;

    private static final Pattern EXPECT = Pattern.compile("(?m)^\\s*//\\s*expect:\\s*(.+?)\\s*$");

    /** One fixture: its file (in a folder, or in the runner's jar), and the verdict it must get. */
    public record Fixture(String pitfall, Path file, Check.Result expected) {
        public String name() {
            String file = this.file.getFileName().toString();
            return file.substring(0, file.length() - ".java".length());
        }

        public boolean right() {
            return expected == Check.Result.FIXED;
        }
    }

    private WrongFixes() {
    }

    /** The pitfall's fixtures, by name; none if it has none. */
    public static List<Fixture> of(String pitfall) {
        Optional<Path> folder = folder(RESOURCE_FOLDER + "/" + pitfall);
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder.get())) {
            List<Fixture> fixtures = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                fixtures.add(new Fixture(pitfall, file, expected(file).orElse(null)));
            }
            return fixtures;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder of the class path as a path: on disk, or inside a jar (whose file system stays open). */
    private static Optional<Path> folder(String resource) {
        URL url = WrongFixes.class.getClassLoader().getResource(resource);
        if (url == null) {
            return Optional.empty();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    // Opened already: Path.of finds it.
                }
            }
            return Optional.of(Path.of(uri));
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot read the wrong-fix fixtures at " + url + ": " + e.getMessage(), e);
        }
    }

    /** What is missing or malformed among a pitfall's fixtures, each problem naming the file to mend. */
    public static List<String> problems(Pitfall<?> pitfall) {
        List<String> problems = new ArrayList<>();
        String folder = REPOSITORY_FOLDER + "/" + pitfall.id();
        List<Fixture> fixtures = of(pitfall.id());
        for (Fixture fixture : fixtures) {
            String name = fixture.file().getFileName().toString();
            if (fixture.expected() == null) {
                problems.add(folder + "/" + name + ": no line '// expect: <" + labels() + ">'");
            } else if (name.startsWith("right-") != fixture.right()) {
                problems.add(folder + "/" + name + ": a file named " + (fixture.right() ? "wrong-" : "right-")
                        + "* expects " + fixture.expected().label);
            } else if (!name.startsWith("right-") && !name.startsWith("wrong-")) {
                problems.add(folder + "/" + name + ": name it wrong-*.java or right-*.java");
            }
        }
        long wrong = fixtures.stream().filter(f -> f.expected() != null && !f.right()).count();
        long right = fixtures.stream().filter(f -> f.expected() != null && f.right()).count();
        if (wrong < MIN_WRONG || right < MIN_RIGHT) {
            problems.add(
                    folder + ": " + wrong + " wrong and " + right + " right fixes of " + pitfall.id() + " (at least "
                            + MIN_WRONG + " plausible wrong fixes and " + MIN_RIGHT
                            + " correct alternative fix, each with its expected verdict)");
        }
        return problems;
    }

    private static Optional<Check.Result> expected(Path file) {
        try {
            Matcher m = EXPECT.matcher(Files.readString(file));
            if (!m.find()) {
                return Optional.empty();
            }
            String label = m.group(1);
            return Arrays.stream(Check.Result.values()).filter(r -> r.label.equalsIgnoreCase(label)).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String labels() {
        return String.join(" | ", Arrays.stream(Check.Result.values()).map(r -> r.label).toList());
    }
}
