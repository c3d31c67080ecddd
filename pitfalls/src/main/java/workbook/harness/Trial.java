package workbook.harness;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The running trial as a scenario sees it: its budget, its clock, and the way to state a finding. */
public final class Trial {

    private final long startNanos = System.nanoTime();
    private final Duration budget;
    private final LockNames lockNames = new LockNames();

    public Trial(Duration budget) {
        this.budget = budget;
    }

    /** How long the scenario may take to find its evidence (or to prove there is none). */
    public Duration budget() {
        return budget;
    }

    public long elapsedMillis() {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }

    public Duration remaining() {
        Duration left = budget.minusNanos(System.nanoTime() - startNanos);
        return left.isNegative() ? Duration.ZERO : left;
    }

    public boolean outOfTime() {
        return remaining().isZero();
    }

    /**
     * True when this trial's JVM is kept alive after the verdict for a learner to look at ({@code run --hold}): a
     * scenario then leaves the threads it found stuck as they are, instead of ending them.
     */
    public boolean held() {
        return Boolean.getBoolean(HELD_PROPERTY);
    }

    static final String HELD_PROPERTY = "workbook.trial.held";

    /** Names used for locks in lock cycles and thread dumps ("account A" rather than "Account@1b6d3586"). */
    public LockNames lockNames() {
        return lockNames;
    }

    public Finding reproduced(FailureKind kind, String summary, Evidence... evidence) {
        return finding(Outcome.REPRODUCED, kind, summary, evidence);
    }

    public Finding clean(String proofOfWork, Evidence... evidence) {
        return finding(Outcome.CLEAN, null, proofOfWork, evidence);
    }

    public Finding notWorking(String whatWentWrong, Evidence... evidence) {
        return finding(Outcome.NOT_WORKING, null, whatWentWrong, evidence);
    }

    /** For a pitfall whose failure this machine may not show ({@link Pitfall#failureMayBeUnobservable()}). */
    public Finding notObservable(String whatWasTriedAndWhy, Evidence... evidence) {
        return finding(Outcome.NOT_OBSERVABLE, null, whatWasTriedAndWhy, evidence);
    }

    public Finding inconclusive(String why, Evidence... evidence) {
        return finding(Outcome.INCONCLUSIVE, null, why, evidence);
    }

    private Finding finding(Outcome outcome, FailureKind kind, String summary, Evidence[] evidence) {
        List<Evidence> list = Arrays.asList(evidence);
        return new Finding(outcome, kind, summary, list, elapsedMillis());
    }
}
