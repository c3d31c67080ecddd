package workbook.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import workbook.harness.FailureKind;
import workbook.harness.Outcome;
import workbook.harness.Pitfall;
import workbook.harness.TrialLauncher;
import workbook.harness.Variant;
import workbook.harness.Verdict;

/**
 * The catalog as a regression suite and a benchmark: runs every pitfall's broken and fixed example N times, each
 * trial in a fresh JVM, and counts how often each behaved as expected.
 */
final class Verification {

    /** What N trials of one variant of one pitfall gave. */
    record VariantResult(Variant variant, int trials, Map<Outcome, Integer> outcomes, int expected,
            List<Long> evidenceMillis, List<Long> trialMillis, List<String> surprises) {

        boolean allAsExpected() {
            return expected == trials;
        }
    }

    /** Both variants of one pitfall. */
    record PitfallResult(String id, FailureKind kind, VariantResult broken, VariantResult fixed) {

        boolean passed() {
            return broken.allAsExpected() && fixed.allAsExpected();
        }
    }

    /** Surprising verdicts kept per variant, to show what went wrong without flooding the report. */
    static final int SURPRISES_KEPT = 3;

    private final TrialLauncher launcher;
    private final Duration budget;

    Verification(TrialLauncher launcher, Duration budget) {
        this.launcher = launcher;
        this.budget = budget;
    }

    PitfallResult verify(Pitfall<?> pitfall, int trials, Consumer<String> progress) {
        VariantResult broken = run(pitfall, Variant.BROKEN, trials, progress);
        VariantResult fixed = run(pitfall, Variant.FIXED, trials, progress);
        return new PitfallResult(pitfall.id(), pitfall.kind(), broken, fixed);
    }

    private VariantResult run(Pitfall<?> pitfall, Variant variant, int trials, Consumer<String> progress) {
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        List<Long> evidence = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        List<String> surprises = new ArrayList<>();
        int expected = 0;
        for (int trial = 1; trial <= trials; trial++) {
            progress.accept(pitfall.id() + " " + variant.label() + " " + trial + "/" + trials);
            Verdict verdict = launcher.run(pitfall.id(), variant, budget);
            outcomes.merge(verdict.outcome(), 1, Integer::sum);
            times.add(verdict.timings().trialMillis());
            boolean asExpected = verdict.asExpected()
                    && (variant != Variant.BROKEN || verdict.kind() == pitfall.kind());
            if (asExpected) {
                expected++;
                if (variant == Variant.BROKEN) {
                    evidence.add(verdict.timings().evidenceMillis());
                }
            } else if (surprises.size() < SURPRISES_KEPT) {
                surprises.add("trial " + trial + ": " + verdict.outcome()
                        + (verdict.kind() == null ? "" : " " + verdict.kind()) + ": " + verdict.summary());
            }
        }
        return new VariantResult(variant, trials, outcomes, expected, evidence, times, surprises);
    }
}
