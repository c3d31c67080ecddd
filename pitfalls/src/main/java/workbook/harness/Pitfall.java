package workbook.harness;

/**
 * One pitfall: its id, the failure it shows, the class a learner fixes, and the scenario that drives it.
 *
 * <p>The subject is a class of the pitfall's package, implementing the pitfall's small contract. The broken
 * version lives in {@code pitfalls/}; the fixed one has the same name in {@code solutions/} and a learner's copy
 * has it too. Which one a trial runs is chosen by the class path of the trial's JVM, so the scenario always
 * names the same class. Implementations are found with {@link java.util.ServiceLoader}.
 *
 * @param <C> the contract the scenario drives
 */
public interface Pitfall<C> {

    /** The kebab-case id: the package, the lesson file, the CLI argument and the test case all use it. */
    String id();

    /** The failure the broken example shows. */
    FailureKind kind();

    /** The class a learner reads and fixes. */
    Class<? extends C> subject();

    /**
     * True when a trial of either variant leaves nothing running behind it, so that a benchmark may run many trials
     * one after another in one JVM ({@code workbook verify --reuse-jvm}); the batch checks it after every trial.
     * False (each trial in a fresh JVM) for pitfalls whose broken example leaks, parks or deadlocks threads for good.
     */
    default boolean trialsShareJvm() {
        return false;
    }

    /**
     * True when the scenario needs the machine's cores to itself: it measures how truly parallel its threads ran
     * ({@link Stress}), so that a machine kept busy by other trials makes it INCONCLUSIVE. A runner that runs trials
     * side by side (the wrong-fix suite) runs such a pitfall's trials alone.
     */
    default boolean needsIdleCores() {
        return false;
    }

    /**
     * True for a pitfall whose failure the Java memory model allows but this hardware and JDK may never show (a
     * reordering that x86 does not make): its broken example may end {@link Outcome#NOT_OBSERVABLE} instead of
     * REPRODUCED, and the suite, {@code verify} and {@code check} accept and report that as what it is. False for
     * every other pitfall, whose NOT_OBSERVABLE is turned into INCONCLUSIVE.
     */
    default boolean failureMayBeUnobservable() {
        return false;
    }

    /**
     * Drives an implementation under stress within the trial's budget and says what happened. Never hangs: every
     * wait on the code under test is bounded.
     */
    Finding run(Class<? extends C> implementation, Trial trial) throws Exception;
}
