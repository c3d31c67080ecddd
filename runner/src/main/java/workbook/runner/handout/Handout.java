package workbook.runner.handout;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The offline handout: {@code java -jar workbook.jar} with no Maven and no checkout. The jar holds the workbook's jars
 * (the broken and the fixed examples must stay apart: they have the same class names), which are unpacked once into a
 * folder of the learner's home, and the workbook runs from them in a JVM of its own, as the {@code ./workbook}
 * launcher runs it: its trial JVMs and the REPL's shell VM then find their class path as they always do.
 */
public final class Handout {

    /** Where the jars are inside the handout. */
    static final String FOLDER = "workbook-lib/";

    private Handout() {
    }

    /** The oldest JDK the workbook runs on (virtual threads, and the language level of its code). */
    static final int JDK = 21;

    public static void main(String[] args) throws Exception {
        if (Runtime.version().feature() < JDK) {
            System.err.println("The workbook needs a JDK " + JDK + " or later; this java is "
                    + Runtime.version().feature() + " (" + System.getProperty("java.home") + "). Run the handout"
                    + " with one: <jdk " + JDK + "+>/bin/java -jar " + ownJar().getFileName());
            System.exit(2);
        }
        Path jar = ownJar();
        Path lib = unpacked(jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "--enable-native-access=ALL-UNNAMED", "-cp", lib.resolve("workbook.jar") + File.pathSeparator
                        + lib.resolve("*"),
                "workbook.runner.Main"));
        command.addAll(List.of(args));
        ignoreCtrlC();
        Process workbook = new ProcessBuilder(command).inheritIO().start();
        // Should this JVM be ended all the same (a kill), it waits for the workbook, which is its only work.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                workbook.waitFor();
            } catch (InterruptedException e) {
                workbook.destroy();
            }
        }));
        System.exit(workbook.waitFor());
    }

    /**
     * Ctrl-C reaches both JVMs: the workbook handles it (the REPL stops a snippet and goes on, a trial is stopped),
     * and this one, which only waits for it, leaves it alone and keeps its exit status.
     */
    private static void ignoreCtrlC() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("INT"), signal -> {
            });
        } catch (IllegalArgumentException e) {
            // No such signal here: nothing to ignore.
        }
    }

    private static Path ownJar() throws URISyntaxException {
        Path location = Path.of(Handout.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!Files.isRegularFile(location)) {
            throw new IllegalStateException("the handout runs from its jar (java -jar workbook.jar), not from "
                    + location);
        }
        return location;
    }

    /**
     * The folder of this handout's jars, unpacked on first use: {@code ~/.concurrency-workbook/.handout/<size>-<time>}
     * (the temporary folder when the home cannot be written), one per handout (another handout's may still be in
     * use: it is left alone).
     */
    static Path unpacked(Path jar) throws IOException {
        String key = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        Path home = Path.of(System.getProperty("user.home"), ".concurrency-workbook", ".handout");
        try {
            return unpackInto(jar, home, key);
        } catch (IOException e) {
            return unpackInto(jar, Path.of(System.getProperty("java.io.tmpdir"),
                    "workbook-handout-" + System.getProperty("user.name")), key);
        }
    }

    private static Path unpackInto(Path jar, Path folder, String key) throws IOException {
        Path lib = folder.resolve(key);
        if (Files.isRegularFile(lib.resolve("workbook.jar"))) {
            return lib;
        }
        Files.createDirectories(folder);
        Path partial = Files.createTempDirectory(folder, key + ".partial-");
        try (JarFile handout = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = handout.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (name.startsWith(FOLDER) && name.endsWith(".jar") && name.indexOf('/', FOLDER.length()) < 0) {
                    try (InputStream in = handout.getInputStream(entry)) {
                        Files.copy(in, partial.resolve(name.substring(FOLDER.length())));
                    }
                }
            }
        }
        try {
            Files.move(partial, lib, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            delete(partial); // another start unpacked it meanwhile
        } catch (IOException e) {
            if (!Files.isRegularFile(lib.resolve("workbook.jar"))) {
                throw e;
            }
            delete(partial);
        }
        return lib;
    }

    private static void delete(Path tree) {
        try (Stream<Path> paths = Files.walk(tree)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: a partial folder left behind takes room, nothing else.
        }
    }
}
