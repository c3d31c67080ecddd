package workbook.runner.terminal;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;
import workbook.harness.Examples;
import workbook.harness.Pitfall;

/** The fix as a unified diff of the broken example against the fixed one (java-diff-utils). */
public final class SolutionDiff {

    private SolutionDiff() {
    }

    public static String of(Pitfall<?> pitfall, Style style) {
        String path = Examples.sourcePath(pitfall);
        List<String> broken = Examples.brokenSource(pitfall).orElseThrow(
                () -> new IllegalStateException("the broken example of " + pitfall.id() + " is missing")).lines()
                .toList();
        List<String> fixed = Examples.fixedSource(pitfall).orElseThrow(
                () -> new IllegalStateException("the fixed example of " + pitfall.id() + " is missing")).lines()
                .toList();
        return between("pitfalls/src/main/java/" + path, broken, "solutions/src/main/java/" + path, fixed, style);
    }

    /** A unified diff of any two texts, coloured for a terminal. */
    public static String between(String fromName, List<String> from, String toName, List<String> to, Style style) {
        List<String> diff = UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, from, DiffUtils.diff(from, to), 3);
        if (diff.isEmpty()) {
            return "(no differences)\n";
        }
        StringBuilder out = new StringBuilder();
        for (String line : diff) {
            out.append(line.startsWith("+++") || line.startsWith("---")
                    ? style.bold(line)
                    : line.startsWith("+")
                            ? style.green(line)
                            : line.startsWith("-")
                                    ? style.red(line)
                                    : line.startsWith("@@") ? style.cyan(line) : line)
                    .append('\n');
        }
        return out.toString();
    }
}
