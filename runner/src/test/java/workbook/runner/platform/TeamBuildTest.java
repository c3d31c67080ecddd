package workbook.runner.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;
import workbook.harness.Processes;

/**
 * A team's Maven build with the workbook as a test dependency and one class marked {@link ConcurrencyCatalog}
 * ({@code src/it/team-build}): a real {@code mvn test}, against the workbook's artifacts as this build installed them
 * ({@code target/it-repository}), everything else taken from this machine's local repository, so that nothing is
 * downloaded. Surefire hands the engine its class path in one manifest jar, as it does by default. Bounded: the build
 * and what it started are killed at {@link #LIMIT_SECONDS}.
 */
class TeamBuildTest {

    static final long LIMIT_SECONDS = 240;

    @TempDir
    Path dir;

    @Test
    void mvnTestInATeamsBuildRunsTheCatalogAsATestPerVariantOfEachPitfall() throws Exception {
        Path project = copyOfTheTeamsBuild();
        Path settings = dir.resolve("settings.xml");
        // Every repository mirrored by this machine's local one, read as a remote: nothing leaves the machine.
        Files.writeString(settings, """
                <settings>
                  <mirrors>
                    <mirror>
                      <id>this-machine</id>
                      <mirrorOf>*</mirrorOf>
                      <url>%s</url>
                    </mirror>
                  </mirrors>
                </settings>
                """.formatted(Path.of(property("workbook.local.repository")).toUri()));
        Path output = dir.resolve("mvn.log");
        Path mvn = Path.of(property("workbook.maven.home"), "bin", "mvn");
        ProcessBuilder build = new ProcessBuilder(mvn.toString(), "-B", "-s", settings.toString(),
                "-Dmaven.repo.local=" + property("workbook.it.repository"), "-Dstyle.color=never",
                "-Dworkbook.pitfalls=lost-update", "test")
                .directory(project.toFile()).redirectErrorStream(true).redirectOutput(output.toFile());
        // The JDK these tests run on (21 or newer), not whatever JAVA_HOME says; nothing of the outer build's options.
        build.environment().put("JAVA_HOME", System.getProperty("java.home"));
        build.environment().remove("MAVEN_ARGS");
        // A short build: Maven's own JVM is done before C2 would pay for itself.
        build.environment().put("MAVEN_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        Process process = build.start();
        try {
            boolean ended = process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
            String log = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(ended, () -> "mvn test did not end within " + LIMIT_SECONDS + " s:\n" + tail(log));
            assertEquals(0, process.exitValue(), () -> "mvn test failed:\n" + tail(log));
            assertTrue(log.contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0"), () -> tail(log));

            // Surefire's report: one per pitfall (named after its scenario's class), a test case per variant.
            Path report = project.resolve("target/surefire-reports/TEST-workbook.lostupdate.LostUpdate.xml");
            Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.toFile())
                    .getDocumentElement();
            assertEquals("2", suite.getAttribute("tests"));
            assertEquals("0", suite.getAttribute("failures"));
            String xml = Files.readString(report);
            assertTrue(xml.contains("lost-update broken reproduces RACE") && xml.contains("lost-update fixed is clean"),
                    xml);
        } finally {
            Processes.kill(process);
        }
    }

    /** The team's build from src/it, its versions filled in from this build's. */
    private Path copyOfTheTeamsBuild() throws Exception {
        Path source = Path.of("src", "it", "team-build");
        Path project = dir.resolve("team-build");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = project.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Path pom = project.resolve("pom.xml");
        String text = Files.readString(pom);
        for (String version : List.of("workbook.version", "resources-plugin.version", "compiler-plugin.version",
                "surefire-plugin.version")) {
            String key = version.startsWith("workbook.") ? version : "workbook." + version;
            text = text.replace("@" + version + "@", property(key));
        }
        Files.writeString(pom, text);
        return project;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new IllegalStateException(name + " is not set: run this test from Maven (mvn verify)");
        }
        return value;
    }

    private static String tail(String log) {
        return log.length() <= 6_000 ? log : "..." + log.substring(log.length() - 6_000);
    }
}
