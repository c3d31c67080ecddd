package workbook.runner.learner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import workbook.harness.Examples;
import workbook.harness.Pitfall;

/**
 * The learner's folder: a copy of each broken example to fix ({@code <id>/<Class>.java}), the classes compiled from
 * it ({@code .build/}), and {@code progress.json}. Its place: {@code -Dworkbook.home}, else {@code $WORKBOOK_HOME},
 * else {@code ~/.concurrency-workbook}; the {@code ./workbook} launcher sets it to {@code workspace/} in the checkout.
 * Nothing a learner wrote is ever overwritten: a reset keeps the old copy beside the new one.
 */
public final class Workspace {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final Path root;

    public Workspace(Path root) {
        this.root = root;
    }

    public static Workspace fromEnvironment() {
        String home = System.getProperty("workbook.home", System.getenv("WORKBOOK_HOME"));
        return new Workspace(home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".concurrency-workbook"));
    }

    public Path root() {
        return root;
    }

    public Path progressFile() {
        return root.resolve("progress.json");
    }

    /** The learner's copy of the broken example. */
    public Path copyOf(Pitfall<?> pitfall) {
        return root.resolve(pitfall.id()).resolve(pitfall.subject().getSimpleName() + ".java");
    }

    public Path buildDir(Pitfall<?> pitfall) {
        return root.resolve(".build").resolve(pitfall.id());
    }

    /** The learner's copy, made from the broken example if there is none yet; an existing copy is left alone. */
    public Path ensureCopy(Pitfall<?> pitfall) throws IOException {
        Path copy = copyOf(pitfall);
        if (!Files.exists(copy)) {
            write(copy, brokenSource(pitfall));
        }
        return copy;
    }

    /**
     * A fresh copy of the broken example. The old copy, if any, is kept beside it as {@code <Class>.java.<time>.bak};
     * returns that backup, or {@code null} when there was nothing to keep.
     */
    public Path reset(Pitfall<?> pitfall) throws IOException {
        Path copy = copyOf(pitfall);
        Path backup = null;
        if (Files.exists(copy)) {
            backup = copy.resolveSibling(copy.getFileName() + "." + LocalDateTime.now().format(STAMP) + ".bak");
            Files.move(copy, backup);
        }
        write(copy, brokenSource(pitfall));
        return backup;
    }

    private static String brokenSource(Pitfall<?> pitfall) {
        return Examples.brokenSource(pitfall)
                .orElseThrow(() -> new IllegalStateException("the broken example of " + pitfall.id() + " is missing"));
    }

    /** Writes a whole file or nothing: a crash mid-write never leaves half a file. */
    public static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.writeString(partial, text);
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
