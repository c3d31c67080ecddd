package workbook.runner.handout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import workbook.runner.repl.ReplTest;

/**
 * The offline handout as an attendee meets it: {@code java -jar workbook-handout.jar} in an empty folder, with another
 * home, nothing of Maven or the checkout on its class path. Runs after the package phase (runner/pom.xml), beside the
 * REPL's sessions.
 */
@Execution(ExecutionMode.CONCURRENT)
class HandoutTest {

    private static final long LIMIT_SECONDS = 120;

    @TempDir
    static Path home;

    private static Path handout;
    private static Path empty;

    @BeforeAll
    static void theHandoutIsBuilt() throws IOException {
        handout = Path.of(System.getProperty("workbook.handout", "target/workbook-handout.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(handout), "no handout at " + handout + ": it is built at package");
        empty = Files.createDirectories(home.resolve("empty"));
    }

    private record Ran(int status, String output) {
    }

    /**
     * The handout's java -jar, fed {@code input}, bounded; each test with a workspace of its own (they run at once, and a
     * check guards its workspace against changes while its trials run).
     */
    private static Ran handout(String workspace, String input, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.home=" + home, "-jar", handout.toString()));
        command.addAll(List.of(args));
        // Its output goes to a file: a pipe nobody reads while the test waits could fill and stall it.
        Path output = Files.createTempFile(home, workspace + "-", ".out");
        ProcessBuilder builder = new ProcessBuilder(command).directory(empty.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().put("WORKBOOK_HOME", home.resolve(workspace).toString());
        builder.environment().remove("CLASSPATH");
        Process process = builder.start();
        process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("the handout did not end within " + LIMIT_SECONDS + " s: " + command);
        }
        return new Ran(process.exitValue(), Files.readString(output));
    }

    @Test
    @ResourceLock(value = ReplTest.MACHINE, mode = ResourceAccessMode.READ)
    void listsTheCatalog() throws Exception {
        Ran list = handout("list", "", "list");

        assertEquals(0, list.status(), list.output());
        assertTrue(list.output().contains("Chapter 3: Races"), list.output());
    }

    /** A pitfall whose trials need no idle cores: they may run beside the REPL's sessions. */
    @Test
    @ResourceLock(value = ReplTest.MACHINE, mode = ResourceAccessMode.READ)
    void checksAFixWithItsTrials() throws Exception {
        Path fix = Path.of("src/main/resources/workbook/fixes/swallowed-interrupt/right-return-on-interrupt.java")
                .toAbsolutePath();

        Ran check = handout("check", "", "check", "swallowed-interrupt", "--source", fix.toString());

        assertEquals(0, check.status(), check.output());
        assertTrue(check.output().contains("FIXED: 3 trials"), check.output());
    }

    @Test
    @ResourceLock(value = ReplTest.MACHINE, mode = ResourceAccessMode.READ)
    void opensTheReplAndEvaluatesJava() throws Exception {
        Ran repl = handout("repl", "int answer = 6 * 7;\nanswer\n");

        assertEquals(0, repl.status(), repl.output());
        assertTrue(repl.output().contains("answer ==> 42"), repl.output());
        assertTrue(Files.isDirectory(home.resolve(".concurrency-workbook/.handout")),
                "the jars are unpacked in the learner's home");
    }
}
