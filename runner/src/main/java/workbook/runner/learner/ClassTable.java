package workbook.runner.learner;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import workbook.runner.learner.LearnerProgress.PitfallProgress;
import workbook.runner.learner.LearnerProgress.Status;

/**
 * The class's progress, merged from the learners' exports, as an instructor projects it: per pitfall, how many fixed
 * it, how many predicted its failure right, how many needed hints; per learner, the same summed. As a terminal table
 * or as Markdown; either fits a projector (no column per pitfall).
 */
public final class ClassTable {

    private static final List<String> PITFALL_HEADINGS = List.of("pitfall", "fixed", "predicted right", "took hints",
            "checks");
    private static final List<String> LEARNER_HEADINGS = List.of("learner", "fixed", "predicted right", "hints",
            "checks");

    private final List<LearnerProgress> learners;
    private final List<String> pitfalls;

    /** @param pitfalls the pitfalls to show, in order (those of a track, or those somebody started) */
    public ClassTable(List<LearnerProgress> learners, List<String> pitfalls) {
        this.learners = List.copyOf(learners);
        this.pitfalls = List.copyOf(pitfalls);
    }

    List<List<String>> pitfallRows() {
        List<List<String>> rows = new ArrayList<>();
        for (String id : pitfalls) {
            List<PitfallProgress> all = learners.stream().map(l -> l.of(id)).toList();
            long fixed = all.stream().filter(p -> p.status() == Status.FIXED).count();
            long predicted = all.stream().filter(p -> p.prediction() > 0).count();
            long right = all.stream().filter(p -> p.prediction() > 0 && p.predictedRight()).count();
            long hinted = all.stream().filter(p -> p.hintsShown() > 0).count();
            int checks = all.stream().mapToInt(PitfallProgress::checks).sum();
            rows.add(List.of(id, fixed + "/" + learners.size(), predicted == 0 ? "-" : right + " of " + predicted,
                    Long.toString(hinted), Integer.toString(checks)));
        }
        return rows;
    }

    List<List<String>> learnerRows() {
        List<List<String>> rows = new ArrayList<>();
        for (LearnerProgress learner : learners) {
            List<PitfallProgress> all = pitfalls.stream().map(learner::of).toList();
            long fixed = all.stream().filter(p -> p.status() == Status.FIXED).count();
            long predicted = all.stream().filter(p -> p.prediction() > 0).count();
            long right = all.stream().filter(p -> p.prediction() > 0 && p.predictedRight()).count();
            int hints = all.stream().mapToInt(PitfallProgress::hintsShown).sum();
            int checks = all.stream().mapToInt(PitfallProgress::checks).sum();
            rows.add(List.of(learner.learner(), fixed + "/" + pitfalls.size(),
                    predicted == 0 ? "-" : right + " of " + predicted, Integer.toString(hints),
                    Integer.toString(checks)));
        }
        return rows;
    }

    /** Two aligned tables, for a terminal. */
    public String text() {
        return aligned(PITFALL_HEADINGS, pitfallRows()) + "\n" + aligned(LEARNER_HEADINGS, learnerRows()) + "\n"
                + footnote() + "\n";
    }

    /** Two Markdown tables, for a handout or a slide. */
    public String markdown() {
        return markdownTable(PITFALL_HEADINGS, pitfallRows()) + "\n" + markdownTable(LEARNER_HEADINGS, learnerRows())
                + "\n" + footnote() + "\n";
    }

    private String footnote() {
        return String.format(Locale.ROOT, "%d learners, %d pitfalls. \"took hints\": learners who opened a hint;%n"
                + "\"hints\": the hint levels a learner opened, summed over the pitfalls.", learners.size(),
                pitfalls.size());
    }

    private static String aligned(List<String> headings, List<List<String>> rows) {
        int[] widths = new int[headings.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = headings.get(c).length();
            for (List<String> row : rows) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        List<List<String>> all = new ArrayList<>();
        all.add(headings);
        all.addAll(rows);
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder(" ");
            for (int c = 0; c < widths.length; c++) {
                // The first column reads left to right, the counts line up on the right.
                String cell = c == 0
                        ? String.format(Locale.ROOT, "%-" + widths[c] + "s", row.get(c))
                        : String.format(Locale.ROOT, "%" + widths[c] + "s", row.get(c));
                line.append(' ').append(cell).append(' ');
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static String markdownTable(List<String> headings, List<List<String>> rows) {
        StringBuilder out = new StringBuilder("| " + String.join(" | ", headings) + " |\n|");
        for (int c = 0; c < headings.size(); c++) {
            out.append(c == 0 ? "---|" : "---:|");
        }
        out.append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row.stream().map(ClassTable::escaped).toList())).append(" |\n");
        }
        return out.toString();
    }

    /** A learner's name as a Markdown table cell: a pipe would end the cell. */
    private static String escaped(String cell) {
        return cell.replace("|", "\\|");
    }
}
