package workbook.harness;

/** The symptom a scenario reports: what went wrong, in the catalog's words. */
public enum FailureKind {
    /** Threads or resources outlive their owner. */
    LEAK,
    /** Lost update, broken invariant, corrupted data. */
    RACE,
    /** A write never becomes visible, or is seen half-built. */
    STALE,
    /** A cycle of waiters. */
    DEADLOCK,
    /** No progress without a lock cycle: a wait that nobody will end. */
    HANG,
    /** Work goes on after cancel or timeout. */
    LOST_CANCEL,
    /** An exception or a result vanishes without a trace. */
    LOST_FAILURE,
    /** Unbounded growth under load. */
    OVERLOAD
}
