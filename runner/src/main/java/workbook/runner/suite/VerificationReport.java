package workbook.runner.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbook.harness.Outcome;
import workbook.runner.suite.Verification.PitfallResult;
import workbook.runner.suite.Verification.VariantResult;

/**
 * The results of {@code workbook verify} as a table and as JSON, and where the JDKs of a matrix differ. (The JUnit
 * Platform writes the XML reports: see {@code workbook.runner.platform}.)
 */
public final class VerificationReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerificationReport() {
    }

    public static String text(List<PitfallResult> results, long millis) {
        StringBuilder out = new StringBuilder();
        int idWidth = Math.max(7, results.stream().mapToInt(r -> r.id().length()).max().orElse(0));
        String row = "%-" + idWidth + "s  %-12s %-18s %-14s %-24s %-13s %s%n";
        out.append(String.format(Locale.ROOT, row, "pitfall", "kind", "broken reproduced", "fixed clean",
                "evidence median/p95/max", "trial median", "trials ran in"));
        for (PitfallResult r : results) {
            Stats evidence = Stats.of(r.broken().evidenceMillis());
            Stats trial = Stats.of(concat(r.broken().trialMillis(), r.fixed().trialMillis()));
            out.append(String.format(Locale.ROOT, row, r.id(), r.kind(), reproduced(r.broken()), asExpected(r.fixed()),
                    r.broken().evidenceMillis().isEmpty()
                            ? "-"
                            : evidence.median() + "/" + evidence.p95() + "/" + evidence.max() + " ms",
                    trial.median() + " ms", trialsRanIn(r)));
        }
        for (PitfallResult r : results) {
            int unobserved = r.broken().outcomes().getOrDefault(Outcome.NOT_OBSERVABLE, 0);
            if (unobserved > 0) {
                out.append(String.format(Locale.ROOT, "  %s (broken) NOT_OBSERVABLE in %d of %d trials: not observed on"
                        + " this hardware and JDK; accepted for this pitfall alone (it declares so), not counted as"
                        + " reproduced%n", r.id(), unobserved, r.broken().trials()));
            }
        }
        for (PitfallResult r : results) {
            for (VariantResult v : List.of(r.broken(), r.fixed())) {
                v.surprises().forEach(s -> out.append("  ").append(r.id()).append(" (").append(v.variant().label())
                        .append(") ").append(s).append('\n'));
            }
        }
        List<FixtureChecks.Checked> fixtures = results.stream().flatMap(r -> r.fixtures().stream()).toList();
        if (!fixtures.isEmpty()) {
            out.append(String.format(Locale.ROOT, "Wrong-fix fixtures: %d of %d got the verdict they expect.%n",
                    fixtures.stream().filter(FixtureChecks.Checked::asExpected).count(), fixtures.size()));
            fixtures.stream().filter(f -> !f.asExpected()).forEach(f -> out.append("  ").append(f.fixture().pitfall())
                    .append(' ').append(f.fixture().name()).append(": ").append(f.surprise().lines().findFirst()
                            .orElse(""))
                    .append('\n'));
        }
        if (results.stream().anyMatch(r -> r.broken().sharedJvm())) {
            out.append("(The time of a trial that shared its JVM has no JVM start in it.)\n");
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.append(String.format(Locale.ROOT, "%n%d of %d pitfalls behaved as expected in every trial (%s).%n",
                results.size() - failed, results.size(), seconds(millis)));
        return out.toString();
    }

    /** One JDK's run as JSON. */
    public static String json(List<PitfallResult> results, long millis, Jdk jdk) {
        return write(run(results, millis, jdk));
    }

    /** A run over several JDKs as JSON: each JDK's, in the order they ran. */
    public static String json(Map<Jdk, List<PitfallResult>> byJdk) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", byJdk.values().stream().flatMap(List::stream).allMatch(PitfallResult::passed));
        json.put("jdks", byJdk.entrySet().stream().map(each -> run(each.getValue(), -1, each.getKey())).toList());
        return write(json);
    }

    private static Map<String, Object> run(List<PitfallResult> results, long millis, Jdk jdk) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", results.stream().allMatch(PitfallResult::passed));
        if (millis >= 0) {
            json.put("millis", millis);
        }
        json.put("jdk", Map.of("version", jdk.version(), "vendor", jdk.vendor(), "home", jdk.home().toString()));
        json.put("pitfalls", results.stream().map(r -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", r.id());
            p.put("kind", r.kind());
            p.put("passed", r.passed());
            p.put("broken", variant(r.broken()));
            p.put("fixed", variant(r.fixed()));
            if (!r.fixtures().isEmpty()) {
                p.put("fixtures", r.fixtures().stream().map(f -> {
                    Map<String, Object> fixture = new LinkedHashMap<>();
                    fixture.put("name", f.fixture().name());
                    fixture.put("expected", f.fixture().expected() == null ? null : f.fixture().expected().label);
                    fixture.put("got", f.report().result().label);
                    fixture.put("asExpected", f.asExpected());
                    return fixture;
                }).toList());
            }
            return p;
        }).toList());
        return json;
    }

    private static String write(Map<String, Object> json) {
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Where the JDKs of a matrix disagree: each variant whose outcomes differ between JDKs, with each JDK's (a
     * JDK-dependent pitfall shows there which behaviour each has); or a line saying they agree.
     */
    public static String differences(Map<Jdk, List<PitfallResult>> byJdk) {
        StringBuilder out = new StringBuilder("\nAcross ").append(byJdk.size()).append(" JDKs:\n");
        List<Jdk> jdks = List.copyOf(byJdk.keySet());
        int differing = 0;
        for (int i = 0; i < byJdk.get(jdks.get(0)).size(); i++) {
            int index = i;
            List<PitfallResult> each = jdks.stream().map(jdk -> byJdk.get(jdk).get(index)).toList();
            for (boolean broken : List.of(true, false)) {
                List<VariantResult> variants = each.stream().map(r -> broken ? r.broken() : r.fixed()).toList();
                if (variants.stream().map(VariantResult::outcomes).distinct().count() > 1
                        || variants.stream().map(VariantResult::expected).distinct().count() > 1) {
                    differing++;
                    out.append("  ").append(each.get(0).id()).append(broken ? " (broken)" : " (fixed)").append(":\n");
                    for (int j = 0; j < jdks.size(); j++) {
                        out.append(String.format(Locale.ROOT, "    %-40s %s as expected; %s%n", jdks.get(j).label(),
                                asExpected(variants.get(j)), outcomes(variants.get(j))));
                    }
                }
            }
        }
        if (differing == 0) {
            out.append("  every pitfall gave the same verdicts on each JDK.\n");
        }
        return out.toString();
    }

    /** "REPRODUCED 2, NOT_OBSERVABLE 1": the outcomes of a variant's trials. */
    private static String outcomes(VariantResult v) {
        return String.join(", ", v.outcomes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    /** One variant's counts and timings, as the JSON reports have them. */
    public static Map<String, Object> variant(VariantResult v) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("trials", v.trials());
        json.put("trialsPerJvm", v.sharedJvm() ? Verification.BATCH_SIZE : 1);
        json.put("asExpected", v.expected());
        json.put("outcomes", v.outcomes());
        json.put("evidenceMillis", Stats.of(v.evidenceMillis()));
        json.put("trialMillis", Stats.of(v.trialMillis()));
        json.put("surprises", v.surprises());
        return json;
    }

    public static String trialsRanIn(PitfallResult r) {
        return r.broken().sharedJvm()
                ? Verification.BATCH_SIZE + " to a JVM"
                : "a JVM each";
    }

    /** Reproduced of all, and how many were not observable on this machine, if any: never counted as reproduced. */
    public static String reproduced(VariantResult v) {
        int unobserved = v.outcomes().getOrDefault(Outcome.NOT_OBSERVABLE, 0);
        return unobserved == 0
                ? asExpected(v)
                : v.outcomes().getOrDefault(Outcome.REPRODUCED, 0) + "/" + v.trials() + " (" + unobserved + " n/o)";
    }

    public static String asExpected(VariantResult v) {
        return v.expected() + "/" + v.trials();
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /** A wall time as the reports show it, e.g. "12.3 s". */
    public static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
