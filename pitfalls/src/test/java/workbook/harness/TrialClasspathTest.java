package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrialClasspathTest {

    @TempDir
    Path dir;

    @Test
    void theFixedClassesGoFirstAndTheBrokenVariantRunsWithoutThem() throws Exception {
        Path pitfalls = Files.createDirectories(dir.resolve("pitfalls"));
        Path solutions = Files.createDirectories(dir.resolve("solutions"));
        Files.createDirectories(solutions.resolve("META-INF"));
        Files.writeString(solutions.resolve(TrialClasspath.SOLUTIONS_MARKER), "");
        Path mine = dir.resolve("mine");
        String classPath = String.join(File.pathSeparator, pitfalls.toString(), solutions.toString(), "lib.jar");

        assertEquals(path(pitfalls, "lib.jar"), TrialClasspath.forVariant(Variant.BROKEN, null, classPath));
        assertEquals(path(solutions, pitfalls, "lib.jar"), TrialClasspath.forVariant(Variant.FIXED, null, classPath));
        assertEquals(path(mine, pitfalls, "lib.jar"), TrialClasspath.forVariant(Variant.MINE, mine, classPath));
    }

    @Test
    void aWildcardIsExpandedSoThatTheSolutionsJarCanBeLeftOut() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Path pitfallsJar = lib.resolve("pitfalls.jar");
        Path solutionsJar = lib.resolve("solutions.jar");
        jar(pitfallsJar, "workbook/Example.class");
        jar(solutionsJar, TrialClasspath.SOLUTIONS_MARKER);
        String classPath = lib + File.separator + "*";

        assertEquals(path(pitfallsJar), TrialClasspath.forVariant(Variant.BROKEN, null, classPath));
        assertEquals(path(solutionsJar, pitfallsJar), TrialClasspath.forVariant(Variant.FIXED, null, classPath));
    }

    @Test
    void aJarThatOnlyListsTheClassPathInItsManifestIsListedOutSoThatTheSolutionsCanBeLeftOut() throws Exception {
        // As Surefire starts a test JVM by default: one "booter" jar whose manifest names every entry.
        Path lib = Files.createDirectories(dir.resolve("repo").resolve("lib"));
        Path pitfallsJar = lib.resolve("pitfalls.jar");
        Path solutionsJar = lib.resolve("solutions.jar");
        jar(pitfallsJar, "workbook/Example.class");
        jar(solutionsJar, TrialClasspath.SOLUTIONS_MARKER);
        Path booter = Files.createDirectories(dir.resolve("booter")).resolve("surefirebooter.jar");
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH,
                "../repo/lib/pitfalls.jar " + solutionsJar.toUri());
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(booter), manifest)) {
            // nothing but the manifest
        }

        assertEquals(path(pitfallsJar), TrialClasspath.forVariant(Variant.BROKEN, null, booter.toString()));
        assertEquals(path(solutionsJar, pitfallsJar), TrialClasspath.forVariant(Variant.FIXED, null,
                booter.toString()));
    }

    private static void jar(Path file, String entry) throws Exception {
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new java.util.jar.JarEntry(entry));
            out.closeEntry();
        }
    }

    @Test
    void withoutTheSolutionsTheFixedVariantCannotRun() {
        Path pitfalls = dir.resolve("pitfalls");

        var e = assertThrows(IllegalStateException.class,
                () -> TrialClasspath.forVariant(Variant.FIXED, null, pitfalls.toString()));
        assertEquals(true, e.getMessage().contains("the fixed examples"));
    }

    private static String path(Object... entries) {
        StringBuilder path = new StringBuilder();
        for (Object entry : entries) {
            path.append(path.isEmpty() ? "" : File.pathSeparator).append(entry);
        }
        return path.toString();
    }
}
