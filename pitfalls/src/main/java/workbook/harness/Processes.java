package workbook.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Ending child processes and cleaning up after them, also when the workbook itself is ended from outside (Ctrl-C, an
 * IDE's stop button, {@code kill}): a trial JVM must never outlive the workbook that started it.
 */
public final class Processes {

    /** The scratch folders of trials still running, removed however the workbook ends. */
    private static final Set<Path> SCRATCH = ConcurrentHashMap.newKeySet();

    /** The exit status of a child JVM that ends because its parent is gone. */
    static final int ORPHANED = 3;

    private Processes() {
    }

    /**
     * For the workbook's own JVM: on shutdown (a signal included), kill every process it started and remove the
     * trials' scratch folders. A {@code kill -9} runs no hook; then each trial JVM ends itself ({@link #endWithParent}).
     */
    public static void cleanUpOnExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly);
            SCRATCH.forEach(Processes::deleteQuietly);
        }, Harness.THREAD_PREFIX + "clean-up"));
    }

    /** For a trial's JVM or a child program's: halt as soon as the process that started it is gone. */
    static void endWithParent() {
        ProcessHandle.current().parent()
                .ifPresent(parent -> parent.onExit().thenRun(() -> Runtime.getRuntime().halt(ORPHANED)));
    }

    static Path scratch(Path dir) {
        SCRATCH.add(dir);
        return dir;
    }

    /** Kills a process and everything it started, and waits (briefly) for it to be gone. */
    public static void kill(Process process) {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Deletes a folder and its contents; a temp folder left behind is not worth failing a trial for. */
    public static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        SCRATCH.remove(dir);
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // see above
        }
    }
}
