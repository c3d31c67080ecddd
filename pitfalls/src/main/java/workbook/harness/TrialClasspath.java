package workbook.harness;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The class path of a trial's JVM. The fixed and the learner's classes have the same names as the broken ones:
 * putting them first is what selects them. The broken variant runs without the solutions on the path at all.
 */
public final class TrialClasspath {

    /** The resource that marks the solutions jar (or classes folder). */
    static final String SOLUTIONS_MARKER = "META-INF/workbook-solutions";

    /** The learner's classes of the batch trial running now ({@link TrialBatch#runLearners}), or null. */
    private static volatile Path learnersInBatch;

    private TrialClasspath() {
    }

    /**
     * This JVM's class path as the trial running in it sees it: with the learner's classes first while a batch runs
     * them from a folder of their own. For a child JVM that must run the same variant ({@link ChildJvm}).
     */
    static String ofThisTrial() {
        Path learners = learnersInBatch;
        String classPath = System.getProperty("java.class.path");
        return learners == null ? classPath : learners.toAbsolutePath() + File.pathSeparator + classPath;
    }

    static void learnersFirst(Path classes) {
        learnersInBatch = classes;
    }

    /** This JVM's class path, arranged to run {@code variant}; {@code mine} is the learner's classes folder. */
    public static String forVariant(Variant variant, Path mine) {
        return forVariant(variant, mine, System.getProperty("java.class.path"));
    }

    static String forVariant(Variant variant, Path mine, String classPath) {
        List<String> entries = entries(classPath);
        java.util.function.Predicate<String> holdsSolutions = classPath.equals(System.getProperty("java.class.path"))
                ? markedOnThisClassPath()
                : TrialClasspath::holdsSolutions;
        List<String> solutions = entries.stream().filter(holdsSolutions).toList();
        entries.removeAll(solutions);
        switch (variant) {
            case BROKEN -> {
            }
            case FIXED -> {
                if (solutions.isEmpty()) {
                    throw new IllegalStateException("the fixed examples (the solutions module) are not on the class"
                            + " path: " + classPath);
                }
                entries.addAll(0, solutions);
            }
            case MINE -> {
                if (mine == null) {
                    throw new IllegalArgumentException("the learner's variant needs the folder of its classes");
                }
                entries.add(0, mine.toAbsolutePath().toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The entries of a class path, with each {@code dir/*} expanded to the jars in {@code dir}, as the java launcher
     * does. Left as a wildcard, {@code lib/*} would bring the solutions jar back into a broken trial.
     */
    static List<String> entries(String classPath) {
        List<String> entries = new ArrayList<>();
        String[] listed = classPath.split(File.pathSeparator);
        // One jar for the whole class path: a launcher's manifest-only jar, whose manifest lists the class path.
        boolean oneJar = listed.length == 1;
        for (String entry : listed) {
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.equals("*") || entry.endsWith(File.separator + "*")) {
                Path dir = Path.of(entry.substring(0, entry.length() - 1).isEmpty()
                        ? "."
                        : entry.substring(0, entry.length() - 1));
                try (var jars = Files.list(dir)) {
                    jars.map(Path::toString).filter(name -> name.toLowerCase(java.util.Locale.ROOT).endsWith(".jar"))
                            .sorted().forEach(entries::add);
                } catch (IOException e) {
                    // The java launcher ignores a wildcard over a missing folder; so do we.
                }
            } else {
                List<String> inManifest = oneJar ? manifestClassPath(Path.of(entry)) : List.of();
                if (inManifest.isEmpty() || holdsClasses(Path.of(entry))) {
                    entries.add(entry);
                }
                entries.addAll(inManifest);
            }
        }
        return entries;
    }

    /**
     * The entries a jar's manifest adds to the class path ({@code Class-Path}, relative to the jar): how a build tool
     * may hand a test JVM its class path in one jar (Surefire's default). Listed one by one, so that the solutions jar
     * can be put first or left out; the jar that only lists them is left out itself, or the JVM would read its list
     * again and bring the solutions back into a broken trial. Read only for a class path of one jar: opening every jar
     * of a long one for its manifest would slow every trial's start.
     */
    static List<String> manifestClassPath(Path jar) {
        if (!jar.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".jar") || !Files.isRegularFile(jar)) {
            return List.of();
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            java.util.jar.Manifest manifest = file.getManifest();
            String classPath = manifest == null
                    ? null
                    : manifest.getMainAttributes().getValue(java.util.jar.Attributes.Name.CLASS_PATH);
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            java.net.URI base = jar.toAbsolutePath().getParent().toUri();
            List<String> entries = new ArrayList<>();
            for (String each : classPath.strip().split("\\s+")) {
                java.net.URI uri = base.resolve(each);
                if ("file".equals(uri.getScheme())) {
                    entries.add(Path.of(uri).toString());
                }
            }
            return entries;
        } catch (IOException | IllegalArgumentException e) {
            // A jar whose manifest cannot be read adds nothing, as for the java launcher.
            return List.of();
        }
    }

    private static boolean holdsClasses(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(each -> each.getName().endsWith(".class"));
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Whether an entry of this JVM's class path holds the solutions marker, as this JVM's class loader finds it: one
     * look-up through jars it has open already, rather than opening each again.
     */
    private static java.util.function.Predicate<String> markedOnThisClassPath() {
        java.util.Set<Path> marked = new java.util.HashSet<>();
        try {
            for (java.net.URL marker : java.util.Collections.list(ClassLoader.getSystemResources(SOLUTIONS_MARKER))) {
                String location = marker.toString();
                if (location.startsWith("jar:")) {
                    location = location.substring("jar:".length(), location.lastIndexOf("!/"));
                } else {
                    location = location.substring(0, location.length() - SOLUTIONS_MARKER.length());
                }
                marked.add(Path.of(java.net.URI.create(location)).toAbsolutePath().normalize());
            }
        } catch (IOException | IllegalArgumentException e) {
            return TrialClasspath::holdsSolutions;
        }
        return entry -> marked.contains(Path.of(entry).toAbsolutePath().normalize());
    }

    private static boolean holdsSolutions(String entry) {
        return holdsSolutions(Path.of(entry));
    }

    static boolean holdsSolutions(Path path) {
        if (Files.isDirectory(path)) {
            return Files.exists(path.resolve(SOLUTIONS_MARKER));
        }
        if (!Files.isRegularFile(path)) {
            return false;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getEntry(SOLUTIONS_MARKER) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class path entry " + path, e);
        }
    }
}
