package workbook.harness;

import java.util.Locale;

/** Which implementation of a pitfall's subject a trial runs. */
public enum Variant {
    /** The broken example from {@code pitfalls/}. */
    BROKEN(Outcome.REPRODUCED),
    /** The fixed example from {@code solutions/}, which shadows the broken class of the same name. */
    FIXED(Outcome.CLEAN),
    /** A learner's own compiled copy, which shadows the broken class the same way. */
    MINE(null);

    private final Outcome expected;

    Variant(Outcome expected) {
        this.expected = expected;
    }

    /** The outcome this variant is known for, or {@code null} when nobody knows yet (a learner's fix). */
    public Outcome expected() {
        return expected;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
