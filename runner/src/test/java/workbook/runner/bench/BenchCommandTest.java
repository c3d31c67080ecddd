package workbook.runner.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import workbook.harness.Outcome;
import workbook.harness.Pitfalls;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.runner.ExitCodes;
import workbook.runner.Main;
import workbook.runner.Workbook;
import workbook.runner.catalog.Catalog;
import workbook.runner.learner.Workspace;
import workbook.runner.terminal.Style;
import workbook.runner.suite.Machine;

/** {@code workbook bench} with trials that are made up, so that what it counts and writes can be checked. */
class BenchCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();

    private int bench(TrialLauncher launcher, String... args) {
        Workbook wb = new Workbook(Catalog::load, new Workspace(dir.resolve("workspace")), Style.plain(), launcher,
                new BufferedReader(new StringReader("")), false);
        CommandLine line = Main.commandLine(wb);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(new StringWriter(), true));
        return line.execute(Stream.concat(Stream.of("bench"), Stream.of(args)).toArray(String[]::new));
    }

    private static TrialLauncher fixedLeaking() {
        return new TrialLauncher() {
            @Override
            public Verdict run(String pitfall, Variant variant, Path mine, Duration budget) {
                return verdict(pitfall, variant, variant == Variant.FIXED ? Outcome.NOT_WORKING : Outcome.REPRODUCED);
            }

            @Override
            public Batch runBatch(String pitfall, Variant variant, Duration budget, int count,
                    java.util.function.IntConsumer progress) {
                return new Batch(java.util.stream.IntStream.range(0, count).mapToObj(i -> verdict(pitfall, variant,
                        variant == Variant.BROKEN ? Outcome.REPRODUCED : Outcome.CLEAN)).toList(), null);
            }
        };
    }

    private static Verdict verdict(String pitfall, Variant variant, Outcome outcome) {
        return new Verdict(pitfall, variant, outcome,
                outcome == Outcome.REPRODUCED ? Pitfalls.byId(pitfall).orElseThrow().kind() : null,
                outcome == Outcome.NOT_WORKING ? "a thread left behind" : "as expected", List.of(),
                new Verdict.Timings(12, 12, 20), "");
    }

    @Test
    void writesMarkdownAndJsonWithTheMachineTheCountsAndTheMisses() throws Exception {
        Path reports = dir.resolve("reports");

        int exit = bench(fixedLeaking(), "lost-update", "lock-ordering", "--trials-shared", "7", "--trials-alone",
                "3", "--runs", "0", "--jcstress", "none", "--no-catalog", "--out", reports.toString());

        assertEquals(ExitCodes.UNEXPECTED, exit, out::toString);
        Path markdown;
        try (Stream<Path> files = Files.list(reports)) {
            markdown = files.filter(f -> f.toString().endsWith(".md")).findFirst().orElseThrow();
        }
        String md = Files.readString(markdown);
        assertTrue(md.contains("2 cores") || md.contains(Runtime.getRuntime().availableProcessors() + " cores"), md);
        assertTrue(md.contains("| lost-update | RACE | 100 to a JVM | 7/7 | 7/7 | none |"), md);
        assertTrue(md.contains("| lock-ordering | DEADLOCK | a JVM each | 3/3 | 0/3 | fixed NOT_WORKING 3 |"), md);
        assertTrue(md.contains("Misses") && md.contains("lock-ordering (fixed)"), md);
        JsonNode json = new ObjectMapper().readTree(Path.of(markdown.toString().replace(".md", ".json")).toFile());
        assertEquals(7, json.at("/pitfalls/0/broken/trials").asInt());
        assertEquals(0, json.at("/pitfalls/1/fixed/asExpected").asInt());
        assertEquals(System.getProperty("java.runtime.version"), json.at("/machine/jdkVersion").asText());
        assertTrue(json.at("/settings/trialsAlone").asInt() == 3);
    }

    @Test
    void badCountsAreAUsageError() {
        assertEquals(ExitCodes.USAGE, bench(new TrialLauncher(), "lost-update", "--trials-shared", "0"));
        assertEquals(ExitCodes.USAGE, bench(new TrialLauncher(), "lost-update", "--jcstress", "slow"));
    }
}
