package workbook.runner.present;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import workbook.harness.Outcome;
import workbook.harness.Variant;
import workbook.harness.Verdict;

/**
 * A run shown to a room: started as soon as the slides before it are on the screen, and run again while it does not
 * show what it is there to show (the broken example's failure, the fix's clean run), up to {@link #TRIES} times. A demo
 * that fails to fail in front of a room is the worst outcome; one that never does is shown as it is, tries and all.
 */
final class DemoRun {

    static final int TRIES = 3;

    private final Variant variant;
    private final Function<Variant, Verdict> trial;
    private volatile CompletableFuture<List<Verdict>> tries;

    /** @param trial runs one trial of the variant and returns its verdict (bounded by its budget) */
    DemoRun(Variant variant, Function<Variant, Verdict> trial) {
        this.variant = variant;
        this.trial = trial;
    }

    /** Starts it, once, after {@code before} (so that two runs never share the machine); returns when it is done. */
    synchronized CompletableFuture<List<Verdict>> start(CompletableFuture<?> before) {
        if (tries == null) {
            tries = before.handle((ignored, failure) -> null).thenApplyAsync(ignored -> runUntilShown());
        }
        return tries;
    }

    private List<Verdict> runUntilShown() {
        List<Verdict> verdicts = new ArrayList<>();
        do {
            verdicts.add(trial.apply(variant));
        } while (!shows(verdicts.get(verdicts.size() - 1)) && verdicts.size() < TRIES);
        return verdicts;
    }

    /** What the run is there to show: the failure for the broken example, a clean run for the fix. */
    boolean shows(Verdict verdict) {
        return variant == Variant.BROKEN
                ? verdict.outcome() == Outcome.REPRODUCED || verdict.outcome() == Outcome.NOT_OBSERVABLE
                : verdict.outcome() == Outcome.CLEAN;
    }

    /** Its verdicts, once it is done. */
    Optional<List<Verdict>> verdicts() {
        CompletableFuture<List<Verdict>> started = tries;
        return started != null && started.isDone() && !started.isCompletedExceptionally()
                ? Optional.of(started.join())
                : Optional.empty();
    }

    /** Why it could not run at all (the trial JVM would not start), once it is done. */
    Optional<Throwable> failure() {
        CompletableFuture<List<Verdict>> started = tries;
        if (started == null || !started.isCompletedExceptionally()) {
            return Optional.empty();
        }
        try {
            started.join();
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e.getCause() != null ? e.getCause() : e);
        }
    }

    Variant variant() {
        return variant;
    }

    static Duration budget() {
        return workbook.harness.TrialLauncher.DEFAULT_BUDGET;
    }
}
