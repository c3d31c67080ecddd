package workbook.runner.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbook.harness.Outcome;
import workbook.runner.suite.Stats;
import workbook.runner.suite.Verification;
import workbook.runner.suite.VerificationReport;
import workbook.runner.suite.Machine;

/** A benchmark's results as Markdown (for the README) and as JSON (for tools), with the machine they came from. */
public final class BenchReport {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private BenchReport() {
    }

    /** One pitfall's figures in a line, as each is done. */
    static String line(Bench.PitfallBench bench) {
        Verification.PitfallResult r = bench.reliability();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: broken %s, fixed %s, evidence %s",
                r.id(), VerificationReport.reproduced(r.broken()), VerificationReport.asExpected(r.fixed()),
                stats(Stats.of(r.broken().evidenceMillis()))));
        if (bench.run() != null) {
            line.append(", run ").append(bench.run().millis().median()).append(" ms");
        }
        if (bench.stress() != null) {
            line.append(", jcstress ").append(stress(bench.stress()));
        }
        return line.toString();
    }

    public static String markdown(Bench.Result result) {
        StringBuilder md = new StringBuilder();
        Machine m = result.machine();
        Bench.Settings s = result.settings();
        md.append("# Benchmark of ").append(WHEN.format(result.started())).append("\n\n");
        md.append(String.format(Locale.ROOT, "- Machine: %s (%s), %d cores; load average %.2f before, %.2f after.%n",
                m.os(), m.arch(), m.cores(), m.loadBefore(), m.loadAfter()));
        md.append(String.format(Locale.ROOT, "- JDK: %s %s (%s).%n", m.jdkVendor(), m.jdkVersion(), m.jdkHome()));
        md.append(String.format(Locale.ROOT, "- Trials: %,d per variant where a pitfall's trials share a JVM (%d to a"
                + " JVM), %,d where each needs its own; each trial's budget 5 s. Took %s.%n", s.trialsShared(),
                Verification.BATCH_SIZE, s.trialsAlone(), minutes(result.millis())));
        md.append(result.shellNote() == null
                ? String.format(Locale.ROOT, "- `run <id>` timed %d times from a shell, JVM starts and all.%n",
                        s.runs())
                : "- Commands from a shell: " + result.shellNote() + ".\n");
        md.append("- jcstress: ").append(s.stressModes().isEmpty()
                ? "not run"
                : "the quickest of " + String.join(", ", s.stressModes().stream()
                        .map(mode -> mode.label()).toList())
                        + " that shows the broken example's failure, timed end to end; the ratio is its time over"
                        + " `run`'s median")
                .append(".\n\n");
        md.append("| pitfall | kind | trials ran | broken reproduced | fixed clean | other outcomes | evidence median /"
                + " p95 / max | `run` median / max | jcstress | jcstress / `run` |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Bench.PitfallBench bench : result.pitfalls()) {
            Verification.PitfallResult r = bench.reliability();
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.id(),
                    r.kind(), VerificationReport.trialsRanIn(r), VerificationReport.reproduced(r.broken()),
                    VerificationReport.asExpected(r.fixed()), others(r), stats(Stats.of(r.broken().evidenceMillis())),
                    bench.run() == null ? "-" : runs(bench.run()),
                    bench.stress() == null ? "-" : stress(bench.stress()),
                    bench.ratio() == 0 ? "-" : String.format(Locale.ROOT, "%.0fx", bench.ratio())));
        }
        if (result.catalog() != null) {
            Bench.CatalogBench c = result.catalog();
            md.append("\nThe whole catalog, from a shell:\n\n");
            md.append("- `./workbook verify --trials 1` (pitfalls side by side): ").append(c.verify().ok()
                    ? VerificationReport.seconds(c.verify().millis())
                            + (c.verify().exitCode() == 0 ? "" : " (some trial came out unexpected)")
                    : c.verify().problem()).append(".\n");
            md.append("- The REPL: ").append(c.repl().problem() == null
                    ? String.format(Locale.ROOT, "its prompt after %s, the verdict of a first `/run` after %s",
                            VerificationReport.seconds(c.repl().promptMillis()),
                            VerificationReport.seconds(c.repl().firstRunMillis()))
                    : c.repl().problem()).append(".\n");
        }
        List<String> misses = result.pitfalls().stream().map(Bench.PitfallBench::reliability)
                .flatMap(r -> java.util.stream.Stream.of(r.broken(), r.fixed())
                        .flatMap(v -> v.surprises().stream().map(x -> r.id() + " (" + v.variant().label() + "): " + x)))
                .toList();
        md.append(misses.isEmpty()
                ? "\nNo miss: every broken example reproduced its failure and every fix was clean, in every trial.\n"
                : "\nMisses (the first of each variant):\n\n" + String.join("\n",
                        misses.stream().map(x -> "- " + x).toList()) + "\n");
        return md.toString();
    }

    public static String json(Bench.Result result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("started", result.started().toString());
        json.put("millis", result.millis());
        json.put("machine", result.machine());
        json.put("settings", result.settings());
        json.put("shellNote", result.shellNote());
        json.put("pitfalls", result.pitfalls().stream().map(bench -> {
            Map<String, Object> p = new LinkedHashMap<>();
            Verification.PitfallResult r = bench.reliability();
            p.put("id", r.id());
            p.put("kind", r.kind());
            p.put("passed", r.passed());
            p.put("trialsRanIn", VerificationReport.trialsRanIn(r));
            p.put("broken", VerificationReport.variant(r.broken()));
            p.put("fixed", VerificationReport.variant(r.fixed()));
            p.put("run", bench.run());
            p.put("jcstress", bench.stress());
            p.put("jcstressOverRun", bench.ratio());
            return p;
        }).toList());
        json.put("catalog", result.catalog());
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Outcomes other than the expected one, of either variant ("none" if there were none). */
    private static String others(Verification.PitfallResult r) {
        StringBuilder out = new StringBuilder();
        for (Verification.VariantResult v : List.of(r.broken(), r.fixed())) {
            Outcome expected = v == r.broken() ? Outcome.REPRODUCED : Outcome.CLEAN;
            v.outcomes().forEach((outcome, count) -> {
                if (outcome != expected && count > 0) {
                    out.append(out.isEmpty() ? "" : ", ").append(v.variant().label()).append(' ')
                            .append(outcome).append(' ').append(count);
                }
            });
        }
        return out.isEmpty() ? "none" : out.toString();
    }

    private static String stats(Stats s) {
        return s.max() == 0 ? "-" : s.median() + " / " + s.p95() + " / " + s.max() + " ms";
    }

    private static String runs(ShellTimings.Runs runs) {
        String times = runs.millis().median() + " / " + runs.millis().max() + " ms";
        return runs.failed() == 0 ? times : times + " (" + runs.failed() + " of " + runs.runs() + " failed)";
    }

    private static String stress(Bench.StressComparison stress) {
        String time = VerificationReport.seconds(stress.millis());
        return stress.shown()
                ? stress.mode() + ": shown in " + time
                : "not shown (" + String.join(", ", stress.tried()) + "; last " + time + ")";
    }

    private static String minutes(long millis) {
        long seconds = millis / 1000;
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
