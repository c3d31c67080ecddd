package workbook.runner.learner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the learner's workspace held before a trial, to put back what the trial changed: a trial runs the learner's
 * own code, which may delete or overwrite files it can reach. The trial runs elsewhere and is told nothing of the
 * workspace, but the class path leads there; so every file of it (but the compiled classes and the handout's jars) is
 * kept, and after the trial, each one changed or deleted is restored and each one added is taken away. Nothing is
 * lost on the way: the learner may have saved a file meanwhile, or another workbook (the REPL in another terminal)
 * written its progress, which a guard cannot tell from the trial's doing; the changed and the added versions are
 * kept in {@value #KEPT}.
 */
final class WorkspaceGuard {

    /** The compiled classes: the trial runs them, and they are made anew for each check. */
    private static final String BUILD = ".build";
    /** The offline handout's jars, unpacked where the workspace is by default: the workbook's own, and large. */
    private static final String HANDOUT = ".handout";
    /** Where the versions the guard took away are kept, a folder per check. */
    static final String KEPT = ".kept-after-check";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private final Path root;
    private final Map<Path, byte[]> before;

    private WorkspaceGuard(Path root, Map<Path, byte[]> before) {
        this.root = root;
        this.before = before;
    }

    static WorkspaceGuard of(Workspace workspace) {
        Path root = workspace.root();
        Map<Path, byte[]> files = new HashMap<>();
        for (Path file : files(root)) {
            try {
                files.put(file, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + " to keep it safe during the trial", e);
            }
        }
        return new WorkspaceGuard(root, files);
    }

    /** Puts back what changed since the guard was made; says what it put back, relative to the workspace. */
    List<String> restore() {
        List<String> restored = new ArrayList<>();
        Path keptIn = root.resolve(KEPT).resolve(LocalDateTime.now().format(STAMP));
        try {
            for (Map.Entry<Path, byte[]> kept : before.entrySet()) {
                Path file = kept.getKey();
                boolean gone = !Files.isRegularFile(file);
                if (gone || !Arrays.equals(Files.readAllBytes(file), kept.getValue())) {
                    if (!gone) {
                        keep(file, keptIn);
                    }
                    Files.createDirectories(file.getParent());
                    Files.write(file, kept.getValue());
                    restored.add(root.relativize(file) + (gone
                            ? " (deleted)"
                            : " (changed; that version is kept in " + root.relativize(keptIn) + ")"));
                }
            }
            for (Path file : files(root)) {
                if (!before.containsKey(file)) {
                    keep(file, keptIn);
                    Files.delete(file);
                    restored.add(root.relativize(file) + " (added; taken away to " + root.relativize(keptIn) + ")");
                }
            }
        } catch (IOException e) {
            restored.add("not all of it: " + e.getMessage());
        }
        restored.sort(null);
        return restored;
    }

    private void keep(Path file, Path keptIn) throws IOException {
        Path copy = keptIn.resolve(root.relativize(file));
        Files.createDirectories(copy.getParent());
        Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(BUILD)
                    && !root.relativize(p).startsWith(HANDOUT) && !root.relativize(p).startsWith(KEPT)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the workspace " + root, e);
        }
    }
}
