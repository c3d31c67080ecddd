package workbook.runner.aot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.harness.AotCache;
import workbook.harness.Processes;
import workbook.harness.TrialMain;

/**
 * The trials' AOT cache as the workbook's jars make it ({@code target/lib}, after the package phase): trained on a
 * broken trial, it must never hand that broken example to a fixed trial, which puts the solutions jar first. (A cache
 * holding a pitfall's classes does: JDK 25 loads cached classes whatever the class path puts first.)
 */
class TrialAotCacheTest {

    static final long LIMIT_SECONDS = 90;

    @TempDir
    Path dir;

    @Test
    void aCacheTrainedOnABrokenTrialLeavesTheFixedClassesToTheFixedTrial() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the trials' AOT cache needs JDK 25 or later");
        Path lib = Path.of("target", "lib").toAbsolutePath();
        assertTrue(Files.isDirectory(lib), lib + ": run this test after the package phase (mvn verify)");
        List<String> jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.map(Path::toString).filter(f -> f.endsWith(".jar")).sorted().toList();
        }
        String solutions = jars.stream().filter(j -> j.endsWith(File.separator + "solutions.jar")).findFirst()
                .orElseThrow();
        List<String> broken = jars.stream().filter(j -> !j.equals(solutions)).toList();
        Path caches = Files.createDirectories(dir.resolve("caches"));

        // Trained as a trial's JVM has it trained (AotCache#main, on the broken trial's class path).
        java(dir.resolve("training.log"), "-Dworkbook.aot.dir=" + caches, "-cp",
                String.join(File.pathSeparator, broken),
                AotCache.class.getName());
        Path cache;
        try (Stream<Path> made = Files.list(caches)) {
            cache = made.filter(f -> f.getFileName().toString().matches("trial-[0-9a-f]+\\.aot")).findFirst()
                    .orElseThrow(() -> new AssertionError("no cache in " + caches + ":\n" + log("training.log")));
        }

        List<String> fixedPath = new ArrayList<>(List.of(solutions));
        fixedPath.addAll(broken);
        Path verdict = dir.resolve("verdict.txt");
        java(dir.resolve("fixed.log"), "-XX:AOTCache=" + cache, "-Xlog:class+load=info", "-cp",
                String.join(File.pathSeparator, fixedPath), TrialMain.class.getName(), "lost-update", "FIXED", "5000",
                verdict.toString());

        String loaded = log("fixed.log").lines().filter(line -> line.contains(" workbook.lostupdate.PageViewCounter "))
                .findFirst().orElseThrow(() -> new AssertionError("the fixed trial never loaded its counter"));
        assertTrue(loaded.contains("solutions.jar"), loaded);
        assertTrue(Files.size(verdict) > 0, "the fixed trial wrote its verdict");
    }

    private void java(Path log, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-XX:+UseSerialGC"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        try {
            assertTrue(process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS), () -> "not done in " + LIMIT_SECONDS + " s: "
                    + command);
            assertEquals(0, process.exitValue(), () -> command + "\n" + tail(log));
        } finally {
            Processes.kill(process);
        }
    }

    private String log(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            return "(no " + name + ": " + e.getMessage() + ")";
        }
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.length() < 4_000 ? text : text.substring(text.length() - 4_000);
        } catch (Exception e) {
            return "(no log)";
        }
    }
}
