package workbook.runner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The timings with a stand-in for the launcher: a shell script that behaves as each case needs. */
class ShellTimingsTest {

    @TempDir
    Path dir;

    private ShellTimings with(String script) throws IOException {
        Path launcher = dir.resolve("workbook");
        Files.writeString(launcher, "#!/bin/sh\n" + script);
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
        return new ShellTimings(launcher, Files.createDirectories(dir.resolve("home")));
    }

    @Test
    void runsThatEndAsExpectedOrUnexpectedAreTimedAndAUsageErrorIsAProblem() throws IOException {
        ShellTimings.Runs ok = with("[ \"$1\" = run ] && exit 1\nexit 0\n").run("lost-update", 3);
        assertEquals(3, ok.runs());
        assertEquals(0, ok.failed(), ok::toString);

        ShellTimings.Runs bad = with("echo 'There is no pitfall' ; exit 2\n").run("nope", 2);
        assertEquals(2, bad.failed());
        assertTrue(bad.firstProblem().contains("exited with 2: There is no pitfall"), bad.firstProblem());
    }

    @Test
    void theReplsPromptAndItsFirstRunAreTimed() throws IOException {
        ShellTimings.Repl repl = with("""
                sleep 0.2; printf 'lost-update> '
                read line; sleep 0.3
                echo "$line"; echo 'lost-update (broken): REPRODUCED RACE'
                """).repl();

        assertNull(repl.problem());
        assertTrue(repl.promptMillis() >= 200 && repl.promptMillis() < repl.firstRunMillis(), repl::toString);
        assertTrue(repl.firstRunMillis() - repl.promptMillis() >= 250, repl::toString);
    }

    @Test
    void aReplThatNeverAnswersIsAProblemNotAHang() throws IOException {
        ShellTimings.Repl repl = with("printf 'lost-update> '; read line; echo 'workbook failed: oops'\n").repl();

        assertTrue(repl.problem().contains("no verdict for /run"), repl::toString);
        assertTrue(repl.problem().contains("workbook failed: oops"), repl::toString);
    }
}
