package workbook.runner.suite;

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
public final class Verification {

    /** What N trials of one variant of one pitfall gave. */
    public record VariantResult(Variant variant, int trials, boolean sharedJvm, Map<Outcome, Integer> outcomes,
            int expected,
            List<Long> evidenceMillis, List<Long> trialMillis, List<String> surprises) {

        public boolean allAsExpected() {
            return expected == trials;
        }
    }

    /** Both variants of one pitfall, and its wrong-fix fixtures' checks when they were asked for. */
    public record PitfallResult(String id, FailureKind kind, VariantResult broken, VariantResult fixed,
            List<FixtureChecks.Checked> fixtures) {

        public PitfallResult(String id, FailureKind kind, VariantResult broken, VariantResult fixed) {
            this(id, kind, broken, fixed, List.of());
        }

        public boolean passed() {
            return broken.allAsExpected() && fixed.allAsExpected()
                    && fixtures.stream().allMatch(FixtureChecks.Checked::asExpected);
        }
    }

    /** Surprising verdicts kept per variant, to show what went wrong without flooding the report. */
    static final int SURPRISES_KEPT = 3;

    /** Trials run in one JVM, when trials may share one: enough to warm it up, few enough to start afresh often. */
    public static final int BATCH_SIZE = 100;

    private final TrialLauncher launcher;
    private final Duration budget;
    private final boolean reuseJvm;

    /**
     * @param reuseJvm run the trials of a pitfall whose trials leave nothing behind in batches in one JVM
     *        ({@link Pitfall#trialsShareJvm()}), rather than each in a fresh JVM
     */
    public Verification(TrialLauncher launcher, Duration budget, boolean reuseJvm) {
        this.launcher = launcher;
        this.budget = budget;
        this.reuseJvm = reuseJvm;
    }

    public PitfallResult verify(Pitfall<?> pitfall, int trials, Consumer<String> progress) {
        VariantResult broken = run(pitfall, Variant.BROKEN, trials, progress);
        VariantResult fixed = run(pitfall, Variant.FIXED, trials, progress);
        return new PitfallResult(pitfall.id(), pitfall.kind(), broken, fixed);
    }

    /** N trials of one variant; {@code progress} hears which trial runs now. */
    public VariantResult run(Pitfall<?> pitfall, Variant variant, int trials, Consumer<String> progress) {
        Tally tally = new Tally(pitfall, variant);
        String label = pitfall.id() + " " + variant.label() + " ";
        boolean shared = reuseJvm && pitfall.trialsShareJvm();
        while (tally.count < trials) {
            int done = tally.count;
            if (!shared) {
                progress.accept(label + (done + 1) + "/" + trials);
                tally.add(launcher.run(pitfall.id(), variant, budget));
                continue;
            }
            TrialLauncher.Batch batch = launcher.runBatch(pitfall.id(), variant, budget,
                    Math.min(BATCH_SIZE, trials - done), n -> progress.accept(label + (done + n) + "/" + trials));
            batch.verdicts().forEach(tally::add);
            if (batch.stoppedEarly() != null || batch.verdicts().isEmpty()) {
                String why = batch.stoppedEarly() != null ? batch.stoppedEarly() : "the batch gave no verdict";
                tally.surprises.add(0, "the batch stopped after trial " + tally.count + ": " + why);
                break;
            }
        }
        return new VariantResult(variant, trials, shared, tally.outcomes, tally.expected, tally.evidence, tally.times,
                List.copyOf(tally.surprises));
    }

    /** The verdicts of one variant so far. */
    private static final class Tally {
        private final Pitfall<?> pitfall;
        private final Variant variant;
        private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        private final List<Long> evidence = new ArrayList<>();
        private final List<Long> times = new ArrayList<>();
        private final List<String> surprises = new ArrayList<>();
        private int count;
        private int expected;

        Tally(Pitfall<?> pitfall, Variant variant) {
            this.pitfall = pitfall;
            this.variant = variant;
        }

        void add(Verdict verdict) {
            count++;
            outcomes.merge(verdict.outcome(), 1, Integer::sum);
            times.add(verdict.timings().trialMillis());
            boolean asExpected = verdict.asExpected() && (variant != Variant.BROKEN
                    || verdict.kind() == pitfall.kind()
                    || verdict.outcome() == Outcome.NOT_OBSERVABLE && pitfall.failureMayBeUnobservable());
            if (asExpected) {
                expected++;
                if (variant == Variant.BROKEN && verdict.outcome() == Outcome.REPRODUCED) {
                    evidence.add(verdict.timings().evidenceMillis());
                }
            } else if (surprises.size() < SURPRISES_KEPT) {
                surprises.add("trial " + count + ": " + verdict.outcome()
                        + (verdict.kind() == null ? "" : " " + verdict.kind()) + ": " + verdict.summary());
            }
        }
    }
}
