package workbook.harness;

import java.util.List;

/**
 * What a scenario concludes. Made through {@link Trial}, which stamps the time the evidence came in.
 *
 * @param kind the failure seen; {@code null} unless the outcome is {@link Outcome#REPRODUCED}
 * @param summary one sentence: the failure, the proof of work, or why the trial could not decide
 * @param evidenceAtMillis when the evidence was in, from the start of the scenario
 */
public record Finding(Outcome outcome, FailureKind kind, String summary, List<Evidence> evidence,
        long evidenceAtMillis) {
    public Finding {
        evidence = List.copyOf(evidence);
        if ((outcome == Outcome.REPRODUCED) != (kind != null)) {
            throw new IllegalArgumentException("a failure kind goes with REPRODUCED and only with it");
        }
    }
}
