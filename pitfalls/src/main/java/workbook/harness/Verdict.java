package workbook.harness;

import java.io.Serializable;
import java.util.List;

/**
 * The result of one trial, as the CLI, the REPL, the tests and the benchmark all see it.
 *
 * @param kind the failure seen; {@code null} unless the outcome is {@link Outcome#REPRODUCED}
 * @param output what the code under test printed, if anything (trimmed to its tail)
 */
public record Verdict(String pitfall, Variant variant, Outcome outcome, FailureKind kind, String summary,
        List<Evidence> evidence, Timings timings, String output) implements Serializable {

    public Verdict {
        evidence = List.copyOf(evidence);
        output = output == null ? "" : output;
    }

    /**
     * @param trialMillis wall time of the whole trial, JVM start included
     * @param scenarioMillis time the scenario itself ran
     * @param evidenceMillis when the evidence was in, from the start of the scenario
     */
    public record Timings(long trialMillis, long scenarioMillis, long evidenceMillis) implements Serializable {
    }

    /**
     * True when the outcome is the one this variant is known for (broken reproduces, fixed is clean), or a broken
     * example's NOT_OBSERVABLE, which only a pitfall that declares its failure may be unobservable can give.
     */
    public boolean asExpected() {
        return variant.expected() == outcome || variant == Variant.BROKEN && outcome == Outcome.NOT_OBSERVABLE;
    }

    static Verdict of(String pitfall, Variant variant, Finding finding, long scenarioMillis) {
        return new Verdict(pitfall, variant, finding.outcome(), finding.kind(), finding.summary(), finding.evidence(),
                new Timings(scenarioMillis, scenarioMillis, finding.evidenceAtMillis()), "");
    }

    Verdict withSummary(String summary) {
        return new Verdict(pitfall, variant, outcome, kind, summary, evidence, timings, output);
    }

    Verdict withTrial(long trialMillis, String output) {
        return new Verdict(pitfall, variant, outcome, kind, summary, evidence,
                new Timings(trialMillis, timings.scenarioMillis(), timings.evidenceMillis()), output);
    }
}
