package workbook.runner.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import workbook.harness.Outcome;
import workbook.runner.suite.Verification.PitfallResult;
import workbook.runner.suite.Verification.VariantResult;

/** The results of {@code workbook verify} as a table, as JSON, and as JUnit XML for CI servers. */
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
        if (results.stream().anyMatch(r -> r.broken().sharedJvm())) {
            out.append("(The time of a trial that shared its JVM has no JVM start in it.)\n");
        }
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.append(String.format(Locale.ROOT, "%n%d of %d pitfalls behaved as expected in every trial (%s).%n",
                results.size() - failed, results.size(), seconds(millis)));
        return out.toString();
    }

    public static String json(List<PitfallResult> results, long millis) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("passed", results.stream().allMatch(PitfallResult::passed));
        json.put("millis", millis);
        json.put("pitfalls", results.stream().map(r -> {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("id", r.id());
            p.put("kind", r.kind());
            p.put("passed", r.passed());
            p.put("broken", variant(r.broken()));
            p.put("fixed", variant(r.fixed()));
            return p;
        }).toList());
        try {
            return JSON.writeValueAsString(json) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
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

    public static void writeJunitXml(List<PitfallResult> results, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", "workbook.verify");
            xml.writeAttribute("tests", Integer.toString(results.size() * 2));
            xml.writeAttribute("failures", Long.toString(results.stream()
                    .flatMap(r -> java.util.stream.Stream.of(r.broken(), r.fixed())).filter(v -> !v.allAsExpected())
                    .count()));
            xml.writeAttribute("errors", "0");
            for (PitfallResult r : results) {
                testCase(xml, r, r.broken(), "broken reproduces " + r.kind());
                testCase(xml, r, r.fixed(), "fixed is clean");
            }
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void testCase(XMLStreamWriter xml, PitfallResult r, VariantResult v, String name)
            throws XMLStreamException {
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", "workbook." + r.id());
        xml.writeAttribute("name", name);
        long millis = v.trialMillis().stream().mapToLong(Long::longValue).sum();
        xml.writeAttribute("time", String.format(Locale.ROOT, "%.3f", millis / 1000.0));
        if (!v.allAsExpected()) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", asExpected(v) + " trials as expected");
            xml.writeCharacters(String.join("\n", v.surprises()));
            xml.writeEndElement();
        }
        xml.writeEndElement();
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
