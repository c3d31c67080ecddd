package workbook.runner.learner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the learner's workspace held before a trial, to put back what the trial changed: a trial runs the learner's
 * own code, which may delete or overwrite files it can reach. The trial runs elsewhere and is told nothing of the
 * workspace, but the class path leads there; so every file of it (but the compiled classes) is kept, and after the
 * trial, each one changed or deleted is restored and each one added is removed.
 */
final class WorkspaceGuard {

    /** The compiled classes: the trial runs them, and they are made anew for each check. */
    private static final String BUILD = ".build";

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
        try {
            for (Map.Entry<Path, byte[]> kept : before.entrySet()) {
                Path file = kept.getKey();
                boolean gone = !Files.isRegularFile(file);
                if (gone || !Arrays.equals(Files.readAllBytes(file), kept.getValue())) {
                    Files.createDirectories(file.getParent());
                    Files.write(file, kept.getValue());
                    restored.add(root.relativize(file) + (gone ? " (deleted)" : " (changed)"));
                }
            }
            for (Path file : files(root)) {
                if (!before.containsKey(file)) {
                    Files.delete(file);
                    restored.add(root.relativize(file) + " (added, removed again)");
                }
            }
        } catch (IOException e) {
            restored.add("not all of it: " + e.getMessage());
        }
        restored.sort(null);
        return restored;
    }

    private static List<Path> files(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).filter(p -> !root.relativize(p).startsWith(BUILD)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the workspace " + root, e);
        }
    }
}
