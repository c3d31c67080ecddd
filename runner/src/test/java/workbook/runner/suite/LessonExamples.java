package workbook.runner.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbook.harness.Evidence;
import workbook.harness.Variant;
import workbook.harness.Verdict;
import workbook.lessons.Lesson;

/**
 * The example verdicts a lesson quotes ("lost-update (broken): REPRODUCED RACE" and what follows), compared with a
 * real verdict of the same variant: the outcome, the failure kind, and the evidence by its labels and captions, with
 * every number masked (the numbers differ from run to run; the shape must not). An example may leave evidence out
 * if it says so with a line {@value #ELISION}; every count it shows must be one the real verdict has.
 */
final class LessonExamples {

    private static final Pattern FENCE = Pattern.compile("(?ms)^```[^\\n]*\\n(.*?)^```");
    /** A line of its own in an example that says it leaves part of the verdict out (the stacks, say). */
    static final String ELISION = "...";
    private static final Pattern COUNT_LINE = Pattern.compile("(?m)^\\s*(.+?): expected [\\d,]+, got [\\d,]+");

    private LessonExamples() {
    }

    /** The example block of this variant in the lesson, if it quotes one. */
    static Optional<String> of(Lesson lesson, Variant variant) {
        return all(lesson, variant).stream().findFirst();
    }

    /**
     * Every example block of this variant in the lesson: a lesson may quote the other shapes a failure takes (an
     * exception in one run, lost entries in another).
     */
    static List<String> all(Lesson lesson, Variant variant) {
        String header = lesson.id() + " (" + variant.name().toLowerCase(java.util.Locale.ROOT) + "): ";
        List<String> examples = new ArrayList<>();
        Matcher m = FENCE.matcher(lesson.body());
        while (m.find()) {
            if (m.group(1).startsWith(header)) {
                examples.add(m.group(1));
            }
        }
        return examples;
    }

    /** How the example disagrees with the real verdict; empty when it does not. */
    static List<String> disagreements(String example, Verdict real) {
        List<String> problems = new ArrayList<>();
        String header = example.lines().findFirst().orElse("");
        String realHeader = real.pitfall() + " (" + real.variant().name().toLowerCase(java.util.Locale.ROOT) + "): "
                + real.outcome() + (real.kind() == null ? "" : " " + real.kind());
        if (!header.strip().equals(realHeader)) {
            problems.add("the example says '" + header.strip() + "', a real run says '" + realHeader + "'");
        }
        String masked = mask(unwrapped(example));
        boolean elided = example.lines().anyMatch(line -> line.strip().equals(ELISION));
        List<String> realCounts = new ArrayList<>();
        for (Evidence evidence : real.evidence()) {
            anchor(evidence).map(LessonExamples::mask).filter(anchor -> !masked.contains(anchor) && !elided)
                    .ifPresent(anchor -> problems.add("the real verdict shows '" + anchor + "', the example does not"
                            + " (quote it, or mark what the example leaves out with a line '" + ELISION + "')"));
            if (evidence instanceof Evidence.Count count) {
                realCounts.add(mask(count.label()));
            }
        }
        Matcher counts = COUNT_LINE.matcher(example);
        while (counts.find()) {
            String label = mask(counts.group(1).strip());
            if (!realCounts.contains(label)) {
                problems.add("the example counts '" + label + "', a real run counts " + realCounts);
            }
        }
        return problems;
    }

    /** The text by which a piece of evidence shows in a verdict; notes vary too much to compare. */
    private static Optional<String> anchor(Evidence evidence) {
        return switch (evidence) {
            case Evidence.Count count -> Optional.of(count.label() + ": expected");
            case Evidence.Threads threads -> Optional.of(threads.caption() + ":");
            case Evidence.LockCycle cycle -> Optional.of("Lock cycle");
            case Evidence.Timeline timeline -> Optional.of(timeline.caption() + ":");
            case Evidence.Series series -> Optional.of(series.caption());
            case Evidence.Note note -> Optional.empty();
        };
    }

    /** The example with its wrapped lines joined, so that a label broken over two lines still matches. */
    private static String unwrapped(String example) {
        return example.replaceAll("\\n\\s+", " ");
    }

    private static String mask(String text) {
        return text.replaceAll("\\d[\\d,.]*", "#").replaceAll("\\s+", " ");
    }
}
