package workbook.harness;

/** What a trial found. */
public enum Outcome {
    /** The failure showed, with its evidence. */
    REPRODUCED,
    /** No failure within the budget, and the work was done. */
    CLEAN,
    /** No reproduction, but the code under test did not do its job (threw, lost the work, stalled). */
    NOT_WORKING,
    /**
     * No failure was seen, but none could be on this hardware and JDK: the failure is one the Java memory model
     * allows and this machine does not show (x86 keeps its stores in order). Only a pitfall that declares it
     * ({@link Pitfall#failureMayBeUnobservable()}) may say so, with what it tried and why the code is still wrong.
     */
    NOT_OBSERVABLE,
    /** The trial could not decide, and says why. */
    INCONCLUSIVE
}
