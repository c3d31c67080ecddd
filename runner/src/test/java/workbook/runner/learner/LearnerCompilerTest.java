package workbook.runner.learner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import workbook.harness.Pitfalls;

class LearnerCompilerTest {

    @TempDir
    Path dir;

    @Test
    void javacsWarningsComeWithTheCompiledClassesNamingTheLearnersFileAndLine() throws Exception {
        Path source = dir.resolve("Mine.java");
        Files.writeString(source, """
                package workbook.lostupdate;

                public class PageViewCounter implements ViewCounter {
                    private final Long lock = 0L;
                    private long views;

                    public void recordView() {
                        synchronized (lock) {
                            views++;
                        }
                    }

                    public long views() {
                        return views;
                    }
                }
                """);

        LearnerCompiler.Compilation compilation = LearnerCompiler
                .compile(Pitfalls.byId("lost-update").orElseThrow(), source, dir.resolve("build"));

        assertEquals(List.of(), compilation.errors());
        assertEquals(1, compilation.warnings().size(), compilation.warnings()::toString);
        String warning = compilation.warnings().get(0);
        assertTrue(warning.startsWith(source + ":8: warning: "), warning);
        assertTrue(warning.contains("value-based"), warning);
    }

    @Test
    void aFileThatIsNotUtf8TextSaysSo() throws Exception {
        Path source = dir.resolve("Latin1.java");
        Files.write(source, "// caf\u00e9\npublic class PageViewCounter {}\n".getBytes(StandardCharsets.ISO_8859_1));

        LearnerCompiler.Compilation compilation = LearnerCompiler
                .compile(Pitfalls.byId("lost-update").orElseThrow(), source, dir.resolve("build"));

        assertEquals(List.of(source + ": is not UTF-8 text (a Latin-1 or binary file?): save it as UTF-8 and check it"
                + " again"), compilation.errors());
    }

    @Test
    void aPublicClassOfAnotherNameIsToldTheNameItMustHave() throws Exception {
        Path source = dir.resolve("Mine.java");
        Files.writeString(source, "package workbook.lostupdate;\n\npublic class MyCounter {}\n");

        LearnerCompiler.Compilation compilation = LearnerCompiler
                .compile(Pitfalls.byId("lost-update").orElseThrow(), source, dir.resolve("build"));

        assertEquals(List.of(source + ":3: error: the public class must be named PageViewCounter, as the broken one is"
                + " (the scenario runs that class)"), compilation.errors());
    }
}
