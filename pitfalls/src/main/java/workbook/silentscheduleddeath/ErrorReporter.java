package workbook.silentscheduleddeath;

/** Where the application reports what went wrong: the error log, the on-call alerts. */
public interface ErrorReporter {

    /** @param error the exception behind it, or {@code null} */
    void report(String what, Throwable error);
}
