package workbook.runner.stress;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import workbook.harness.Variant;
import workbook.runner.stress.StressMode;
import workbook.runner.stress.StressResult.Grade;
import workbook.runner.stress.StressResult.Row;
import workbook.runner.stress.StressResult;
import workbook.runner.terminal.Style;

/** A jcstress outcome table, for people (columns, the conclusion last) and for machines (JSON). */
public final class StressTable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private StressTable() {
    }

    public static String render(StressResult result, Style style) {
        StringBuilder text = new StringBuilder();
        text.append(style.bold("jcstress: " + result.test())).append('\n');
        String which = result.variant() == Variant.MINE ? "your copy" : "the " + result.variant().label() + " example";
        text.append(style.dim(String.format(Locale.ROOT, "%s, mode %s, %.1f s", which, result.mode().label(),
                result.took().toMillis() / 1000.0))).append("\n\n");
        if (!result.outcomes().isEmpty()) {
            if (result.description() != null) {
                text.append("  ").append(result.description()).append("\n\n");
            }
            table(result, style, text);
            text.append('\n');
        }
        text.append(conclusion(result, style)).append('\n');
        for (String problem : result.problems()) {
            text.append(style.red(problem)).append('\n');
        }
        if (result.report() != null) {
            text.append(style.dim("jcstress's own report: " + result.report())).append('\n');
        }
        return text.toString();
    }

    private static void table(StressResult result, Style style, StringBuilder text) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"OUTCOME", "SAMPLES", "FREQUENCY", "GRADE", "WHAT IT MEANS"});
        for (Row row : result.outcomes()) {
            rows.add(new String[]{row.outcome(), String.format(Locale.ROOT, "%,d", row.samples()),
                    frequency(row.samples(), result.samples()), row.grade().label, row.meaning()});
        }
        int[] width = new int[4];
        for (String[] row : rows) {
            for (int column = 0; column < width.length; column++) {
                width[column] = Math.max(width[column], row[column].length());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            String line = String.format(Locale.ROOT, "  %-" + width[0] + "s  %" + width[1] + "s  %" + width[2]
                    + "s  %-" + width[3] + "s  %s", (Object[]) row);
            text.append(i == 0 ? style.dim(line) : colour(result.outcomes().get(i - 1), line, style)).append('\n');
        }
    }

    private static String colour(Row row, String line, Style style) {
        if (row.samples() == 0) {
            return style.dim(line);
        }
        return switch (row.grade()) {
            case ACCEPTABLE -> line;
            case INTERESTING -> style.yellow(line);
            case FORBIDDEN, UNKNOWN -> style.red(line);
        };
    }

    private static String conclusion(StressResult result, Style style) {
        long samples = result.samples();
        return switch (result.conclusion()) {
            case FAILURE_SHOWN -> style.yellow(String.format(Locale.ROOT,
                    "The failure showed: %,d of %,d samples (%s) came out interesting.",
                    result.samples(Grade.INTERESTING), samples, frequency(result.samples(Grade.INTERESTING), samples)));
            case FAILURE_NOT_SEEN -> style.yellow(String.format(Locale.ROOT, "Not seen in this run: none of %,d "
                    + "samples came out interesting. jcstress finds a race by chance, and some need a JVM "
                    + "configuration or hardware this run did not have%s", samples, longer(result.mode())));
            case HELD -> style.green(String.format(Locale.ROOT, "No forbidden outcome in %,d samples.", samples))
                    + (result.variant() == Variant.MINE
                            ? " jcstress shows a race when it sees one, and never proves there is none: `check` judges"
                                    + " your fix."
                            : "");
            case BROKE -> style.red(String.format(Locale.ROOT,
                    "A forbidden outcome in %,d of %,d samples: this %s does not hold.",
                    result.samples(Grade.FORBIDDEN) + result.samples(Grade.UNKNOWN), samples,
                    result.variant() == Variant.MINE ? "fix" : "example"));
            case RUN_FAILED -> style.red("The jcstress run did not work:");
        };
    }

    private static String longer(StressMode mode) {
        return switch (mode) {
            case SHORT, SANITY -> ": try --mode quick.";
            case QUICK -> ": try --mode default.";
            case DEFAULT -> " (a weaker memory model than x86's, ARM or POWER, shows some that x86 never does).";
        };
    }

    static String frequency(long count, long total) {
        if (total == 0) {
            return "-";
        }
        double percent = 100.0 * count / total;
        return count > 0 && percent < 0.01 ? "<0.01%" : String.format(Locale.ROOT, "%.2f%%", percent);
    }

    public static String json(StressResult result) throws JsonProcessingException {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("pitfall", result.pitfall());
        tree.put("variant", result.variant().label());
        tree.put("test", result.test());
        tree.put("description", result.description());
        tree.put("mode", result.mode().label());
        tree.put("seconds", result.took().toMillis() / 1000.0);
        tree.put("samples", result.samples());
        tree.put("conclusion", result.conclusion().name());
        List<Map<String, Object>> outcomes = new ArrayList<>();
        for (Row row : result.outcomes()) {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("outcome", row.outcome());
            outcome.put("samples", row.samples());
            outcome.put("frequency", frequency(row.samples(), result.samples()));
            outcome.put("grade", row.grade().name());
            outcome.put("meaning", row.meaning());
            outcomes.add(outcome);
        }
        tree.put("outcomes", outcomes);
        tree.put("problems", result.problems());
        tree.put("report", result.report());
        return JSON.writeValueAsString(tree) + "\n";
    }
}
