package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AotCacheTest {

    @TempDir
    Path dir;

    @Test
    void aCacheIsMadeFromJarsOnlyAndOnlyWhenTheTrialsMainIsInOne() throws IOException {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path harness = jar("harness.jar", "workbook/harness/TrialMain.class");
        Path other = jar("other.jar", "org/example/Other.class");

        assertTrue(AotCache.Training.of(classes.toString()).isEmpty(), "folders only");
        assertTrue(AotCache.Training.of(path(classes, other)).isEmpty(), "no jar with the trial's main class");
        AotCache.Training training = AotCache.Training.of(path(classes, harness, other)).orElseThrow();
        assertEquals(List.of(harness.toString(), other.toString()), training.jars(), "the jars, in their order");
    }

    @Test
    void aRebuiltJarMakesAnotherCache() throws IOException {
        Path harness = jar("harness.jar", "workbook/harness/TrialMain.class");
        String before = AotCache.Training.of(harness.toString()).orElseThrow().key();
        Files.setLastModifiedTime(harness, FileTime.from(Instant.now().plusSeconds(60)));
        String after = AotCache.Training.of(harness.toString()).orElseThrow().key();
        assertNotEquals(before, after);
        assertEquals(after, AotCache.Training.of(harness.toString()).orElseThrow().key(), "the same jar, the same");
    }

    private Path jar(String name, String entry) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry(entry));
            out.closeEntry();
        }
        return jar;
    }

    private static String path(Path... entries) {
        return String.join(File.pathSeparator, java.util.Arrays.stream(entries).map(Path::toString).toList());
    }
}
