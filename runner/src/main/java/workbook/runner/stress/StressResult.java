package workbook.runner.stress;

import java.time.Duration;
import java.util.List;
import workbook.harness.Variant;

/**
 * What a jcstress run of one test saw: each outcome with its count and grade, and whether the run itself worked.
 *
 * @param test the jcstress test's name
 * @param description what the test's outcomes are made of, as the test describes them
 * @param outcomes every outcome seen, and every one the test names that was not seen (count 0)
 * @param problems what went wrong with the run itself (a test error, a crashed or timed-out JVM); empty when none
 * @param report jcstress's own HTML report, or null when it wrote none
 */
public record StressResult(String pitfall, Variant variant, String test, String description, StressMode mode,
        List<Row> outcomes,
        List<String> problems, Duration took, String report) {

    public StressResult {
        outcomes = List.copyOf(outcomes);
        problems = List.copyOf(problems);
    }

    /** How an outcome is graded by the test, as jcstress grades it. */
    public enum Grade {
        ACCEPTABLE("acceptable"), INTERESTING("interesting"), FORBIDDEN("FORBIDDEN"), UNKNOWN("unknown");

        public final String label;

        Grade(String label) {
            this.label = label;
        }
    }

    /** One outcome: the actors' results, how often they came out so, its grade and what it means. */
    public record Row(String outcome, long samples, Grade grade, String meaning) {
    }

    /** What the run says about the variant. */
    public enum Conclusion {
        /** The broken variant showed its failure's outcome. */
        FAILURE_SHOWN,
        /** The broken variant did not show it in this run (a race is a matter of chance; a longer mode may). */
        FAILURE_NOT_SEEN,
        /** The fixed variant never showed a forbidden or unknown outcome. */
        HELD,
        /** The fixed variant showed a forbidden or unknown outcome. */
        BROKE,
        /** The run did not work: no results, or jcstress reported an error. */
        RUN_FAILED
    }

    public long samples() {
        return outcomes.stream().mapToLong(Row::samples).sum();
    }

    /** The samples whose outcome has this grade. */
    public long samples(Grade grade) {
        return outcomes.stream().filter(row -> row.grade() == grade).mapToLong(Row::samples).sum();
    }

    public Conclusion conclusion() {
        if (!problems.isEmpty() || samples() == 0) {
            return Conclusion.RUN_FAILED;
        }
        if (variant == Variant.BROKEN) {
            return samples(Grade.INTERESTING) > 0 ? Conclusion.FAILURE_SHOWN : Conclusion.FAILURE_NOT_SEEN;
        }
        return samples(Grade.FORBIDDEN) + samples(Grade.UNKNOWN) > 0 ? Conclusion.BROKE : Conclusion.HELD;
    }
}
