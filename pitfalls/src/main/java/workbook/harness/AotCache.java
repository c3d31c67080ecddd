package workbook.harness;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * The JDK's ahead-of-time cache (JEP 483 and 514, JDK 25 and later) for trial JVMs: the JDK's classes a trial loads,
 * read, parsed and linked once, so that a trial JVM starts sooner (measured here: 130 to 170 ms less a trial). It
 * holds the harness's classes and none of a pitfall's ({@link AotTraining}): the class path decides what a trial runs.
 * The cache is made by a short training trial, in a process of its own, started by the first trial that finds none;
 * until it is there, and wherever it cannot be (a JDK before 25,
 * no jar with the harness, a folder nobody may write to), trials start without one. One cache for each JDK and set
 * of jars; a cache the JVM cannot map is passed over in silence, and the trial starts as if there were none.
 * {@code -Dworkbook.aot=off} starts trials without it, to measure what it saves.
 */
public final class AotCache {

    /** The pitfall whose broken trial trains the cache: quick, and it loads what every trial loads. */
    static final String TRAINING_PITFALL = "lost-update";
    static final Duration TRAINING_LIMIT = Duration.ofSeconds(60);
    /** A training that has not finished by then is taken for dead (its JVM killed with the workbook's). */
    static final Duration STALE_LOCK = TRAINING_LIMIT.plusSeconds(30);
    /** Caches kept in the folder: one per JDK and build in use, the oldest removed first. */
    static final int KEPT = 4;

    /** The caches whose training this JVM has begun (or found begun elsewhere), so that it starts each once. */
    private static final Set<String> TRAINED = ConcurrentHashMap.newKeySet();

    private AotCache() {
    }

    /** This JVM's training, from the jars of its class path as a broken trial has them: looked for once. */
    private static final class OfThisJvm {
        static final Optional<Training> TRAINING = Training.of(TrialClasspath.forVariant(Variant.BROKEN, null,
                System.getProperty("java.class.path")));
    }

    /**
     * The options that let a JVM started from this one, on its class path or one arranged from it, use the cache:
     * empty if there is none (yet).
     */
    static List<String> options() {
        if (Runtime.version().feature() < 25 || "off".equals(System.getProperty("workbook.aot"))) {
            return List.of();
        }
        Optional<Training> training = OfThisJvm.TRAINING;
        if (training.isEmpty()) {
            return List.of();
        }
        Path cache = training.get().cache();
        if (Files.isRegularFile(cache)) {
            return List.of("-XX:AOTCache=" + cache, "-Xlog:aot=off", "-Xlog:cds=off");
        }
        if (TRAINED.add(training.get().key())) {
            training.get().startDetached();
        }
        return List.of();
    }

    /**
     * Makes the cache for this JVM's class path, if it has none and no other process is making it. Run in a process
     * of its own ({@link Training#startDetached}), as it takes seconds.
     */
    public static void main(String[] args) {
        OfThisJvm.TRAINING.filter(training -> !Files.isRegularFile(training.cache())).ifPresent(Training::run);
    }

    /** The folder of the caches: {@code workbook.aot.dir}, or one in the temporary folder. */
    static Path folder() {
        String chosen = System.getProperty("workbook.aot.dir");
        return chosen != null
                ? Path.of(chosen)
                : Path.of(System.getProperty("java.io.tmpdir"), "workbook-aot-" + System.getProperty("user.name"));
    }

    /** A training run: the jars it runs on, and the cache they make, named by the JDK and the jars. */
    record Training(List<String> jars, String key) {

        /** The jars of {@code classPath}, if the trial's main class is in one of them: a cache is made from jars. */
        static Optional<Training> of(String classPath) {
            List<String> jars = new ArrayList<>();
            boolean hasMain = false;
            for (String entry : TrialClasspath.entries(classPath)) {
                if (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry))) {
                    jars.add(entry);
                    hasMain = hasMain || holdsTrialMain(entry);
                }
            }
            return hasMain ? Optional.of(new Training(jars, key(jars))) : Optional.empty();
        }

        Path cache() {
            return folder().resolve("trial-" + key + ".aot");
        }

        /**
         * Runs {@link AotCache#main} in a process that outlives this JVM (a workbook command may end before the
         * training does, killing its own children as it ends): started from a shell that exits at once.
         */
        void startDetached() {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            try {
                new ProcessBuilder("/bin/sh", "-c", "nohup \"$0\" -XX:+UseSerialGC -cp \"$1\" \"$2\" </dev/null"
                        + " >/dev/null 2>&1 &", java, String.join(File.pathSeparator, jars), AotCache.class.getName())
                        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start()
                        .waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // No shell: no cache, and trials start as they did before.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Trains and stores the cache, unless another JVM is doing it; never throws, never outlives its limit. */
        void run() {
            Path lock = folder().resolve("trial-" + key + ".lock");
            Path output = folder().resolve("trial-" + key + "-" + ProcessHandle.current().pid() + ".aot");
            Path verdict = null;
            Process process = null;
            boolean locked = false;
            try {
                Files.createDirectories(folder());
                locked = takeLock(lock);
                if (!locked) {
                    return;
                }
                verdict = Files.createTempFile("workbook-aot-verdict-", ".txt");
                Files.delete(verdict);
                String classPath = String.join(File.pathSeparator, jars);
                List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
                        "java").toString(), "-XX:+UseSerialGC", "-Xmx256m", "-XX:AOTCacheOutput=" + output,
                        "-Xlog:aot=off", "-Xlog:cds=off", "-cp", classPath, AotTraining.class.getName(), classPath,
                        TRAINING_PITFALL, Variant.BROKEN.name(), "1000", verdict.toString()));
                process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (process.waitFor(TRAINING_LIMIT.toSeconds(), TimeUnit.SECONDS) && process.exitValue() == 0
                        && Files.size(output) > 0) {
                    Files.move(output, cache(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    removeOld();
                }
            } catch (IOException | RuntimeException e) {
                // No cache: trials start as they did before. Nothing to tell a learner about.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                Processes.kill(process);
                deleteQuietly(output);
                deleteQuietly(Path.of(output + ".config"));
                deleteQuietly(verdict);
                if (locked) {
                    deleteQuietly(lock);
                }
            }
        }

        private static boolean takeLock(Path lock) throws IOException {
            try {
                Files.createFile(lock);
                return true;
            } catch (FileAlreadyExistsException taken) {
                if (Files.getLastModifiedTime(lock).toInstant().isAfter(Instant.now().minus(STALE_LOCK))) {
                    return false;
                }
                // Left by a training whose JVM was killed: take it over.
                Files.setLastModifiedTime(lock, FileTime.from(Instant.now()));
                return true;
            }
        }

        /**
         * Keeps the {@link #KEPT} newest caches (each build and JDK makes its own), and removes what trainings ended
         * from outside left behind.
         */
        private static void removeOld() throws IOException {
            try (Stream<Path> files = Files.list(folder())) {
                files.filter(f -> f.getFileName().toString().matches("trial-[0-9a-f]+\\.aot"))
                        .sorted(Comparator.comparing((Path f) -> f.toFile().lastModified()).reversed())
                        .skip(KEPT).forEach(AotCache::deleteQuietly);
            }
            long stale = Instant.now().minus(STALE_LOCK).toEpochMilli();
            try (Stream<Path> files = Files.list(folder())) {
                files.filter(f -> f.getFileName().toString().matches("trial-[0-9a-f]+-[0-9]+\\.aot(\\.config)?"))
                        .filter(f -> f.toFile().lastModified() < stale).forEach(AotCache::deleteQuietly);
            }
        }

        private static boolean holdsTrialMain(String jar) {
            try (JarFile file = new JarFile(jar)) {
                return file.getEntry(TrialMain.class.getName().replace('.', '/') + ".class") != null;
            } catch (IOException e) {
                return false;
            }
        }

        /** The JDK and every jar, as they are now: a rebuilt jar or another JDK makes another cache. */
        private static String key(List<String> jars) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                StringBuilder what = new StringBuilder(System.getProperty("java.home")).append('\n')
                        .append(Runtime.version()).append('\n');
                for (String jar : jars) {
                    File file = new File(jar);
                    what.append(file.getAbsolutePath()).append(' ').append(file.length()).append(' ')
                            .append(file.lastModified()).append('\n');
                }
                byte[] hash = digest.digest(what.toString().getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(hash, 0, 8);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is in every JDK", e);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            file.toFile().delete();
        }
    }
}
