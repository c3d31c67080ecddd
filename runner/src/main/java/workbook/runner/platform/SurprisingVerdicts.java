package workbook.runner.platform;

import java.util.List;
import workbook.harness.Pitfall;
import workbook.runner.suite.Verification.VariantResult;

/**
 * A variant's trials that did not all behave as expected: the count as the failure's message, each surprising verdict
 * kept a line of its text. Without a stack trace, which would say where the harness was, not what the code did.
 */
final class SurprisingVerdicts extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final List<String> surprises;

    private SurprisingVerdicts(String message, List<String> surprises) {
        super(message);
        this.surprises = List.copyOf(surprises);
    }

    static SurprisingVerdicts of(Pitfall<?> pitfall, VariantResult result) {
        String promise = result.variant() == workbook.harness.Variant.BROKEN
                ? "the broken example must reproduce " + pitfall.kind()
                : "the fix must be clean";
        return new SurprisingVerdicts(result.expected() + " of " + result.trials() + " trials as expected ("
                + promise + " in every one)", result.surprises());
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    /** What the reports print as the failure's text: the message, then the surprising verdicts. */
    @Override
    public String toString() {
        return getMessage() + (surprises.isEmpty() ? "" : "\n" + String.join("\n", surprises));
    }
}
