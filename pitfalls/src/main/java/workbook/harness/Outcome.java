package workbook.harness;

/** What a trial found. */
public enum Outcome {
    /** The failure showed, with its evidence. */
    REPRODUCED,
    /** No failure within the budget, and the work was done. */
    CLEAN,
    /** No reproduction, but the code under test did not do its job (threw, lost the work, stalled). */
    NOT_WORKING,
    /** The trial could not decide, and says why. */
    INCONCLUSIVE
}
