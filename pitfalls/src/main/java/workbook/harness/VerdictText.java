package workbook.harness;

import java.util.List;
import java.util.Locale;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Limit;
import workbook.harness.Evidence.LockCycle;
import workbook.harness.Evidence.LockEdge;
import workbook.harness.Evidence.Note;
import workbook.harness.Evidence.Point;
import workbook.harness.Evidence.Series;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.Evidence.Threads;
import workbook.harness.Evidence.Timeline;

/** Verdicts as plain text, for people: the outcome, the one-line summary, then the evidence. */
public final class VerdictText {

    private VerdictText() {
    }

    /** The verdict with its prose on one line each, for a log or a test message. */
    public static String render(Verdict verdict) {
        return render(verdict, Integer.MAX_VALUE);
    }

    /**
     * The verdict with its prose (the summary and notes) wrapped to {@code width} columns; stacks, plots and
     * timelines keep their lines.
     */
    public static String render(Verdict verdict, int width) {
        StringBuilder out = new StringBuilder();
        out.append(verdict.pitfall()).append(" (").append(verdict.variant().label()).append("): ")
                .append(verdict.outcome());
        if (verdict.kind() != null) {
            out.append(' ').append(verdict.kind());
        }
        out.append('\n');
        wrap(verdict.summary(), width, out);
        for (Evidence evidence : verdict.evidence()) {
            out.append('\n');
            render(evidence, width, out);
        }
        if (!verdict.output().isBlank()) {
            out.append("\nOutput of the code under test (last lines):\n");
            verdict.output().lines().forEach(line -> out.append("  | ").append(line).append('\n'));
        }
        Verdict.Timings t = verdict.timings();
        if (t.scenarioMillis() == 0 && t.evidenceMillis() == 0) {
            // The trial JVM never reported: there is no evidence to time.
            out.append(String.format(Locale.ROOT, "%nTime: trial %,d ms (JVM included)%n", t.trialMillis()));
        } else {
            out.append(String.format(Locale.ROOT,
                    "%nTime: evidence at %,d ms; scenario %,d ms; trial %,d ms (JVM included)%n", t.evidenceMillis(),
                    t.scenarioMillis(), t.trialMillis()));
        }
        return out.toString();
    }

    private static void render(Evidence evidence, int width, StringBuilder out) {
        switch (evidence) {
            case Count c -> wrap(String.format(Locale.ROOT, "%s: expected %,d, got %,d%s", c.label(), c.expected(),
                    c.actual(), c.missing() == 0
                            ? ""
                            : String.format(Locale.ROOT,
                                    " (%,d %s)", Math.abs(c.missing()), c.missing() > 0 ? "missing" : "too many")),
                    width, out);
            case Note n -> wrap(n.text(), width, out);
            case Threads t -> {
                out.append("  ").append(t.caption()).append(":\n");
                t.threads().forEach(thread -> thread(thread, out));
            }
            case LockCycle cycle -> {
                out.append("  Lock cycle (as ThreadMXBean.findDeadlockedThreads reports it):\n");
                for (LockEdge edge : cycle.edges()) {
                    out.append("    ").append(edge.thread()).append(" holds ")
                            .append(edge.holds().isEmpty() ? "nothing" : String.join(" and ", edge.holds()))
                            .append(" and waits for ").append(edge.waitsFor()).append(" (held by ")
                            .append(edge.heldBy()).append(")\n");
                }
                out.append("  The threads:\n");
                cycle.threads().forEach(thread -> thread(thread, out));
            }
            case Series series -> plot(series, out);
            case Timeline timeline -> {
                out.append("  ").append(timeline.caption()).append(":\n");
                for (Evidence.Event event : timeline.events()) {
                    out.append(String.format(Locale.ROOT, "    %6d ms  %-16s %s%n", event.atMillis(), event.thread(),
                            event.what()));
                }
            }
        }
    }

    /** Prose indented by two spaces, each of its lines broken between words to fit the width. */
    public static String prose(String text, int width) {
        StringBuilder out = new StringBuilder();
        wrap(text, width, out);
        return out.toString();
    }

    /** Breaks each line between words; a line that starts with spaces keeps them on its continuation lines too. */
    private static void wrap(String text, int width, StringBuilder out) {
        for (String line : text.split("\n", -1)) {
            String body = line.stripLeading();
            String indent = "  " + " ".repeat(line.length() - body.length());
            int column = 0;
            for (String word : body.split(" ")) {
                if (column > 0 && column + 1 + word.length() > width) {
                    out.append('\n');
                    column = 0;
                }
                out.append(column == 0 ? indent : " ").append(word);
                column += (column == 0 ? indent.length() : 1) + word.length();
            }
            out.append('\n');
        }
    }

    /**
     * A horizontal bar per point, scaled to the largest value: readable on any terminal, even a dumb one. A limit, if
     * the series has one, is a column of {@code |} at its value, so that bars past it show as {@code ####|##}.
     */
    private static void plot(Series series, StringBuilder out) {
        int width = 40;
        Limit limit = series.limit();
        long max = Math.max(series.points().stream().mapToLong(Point::y).max().orElse(0),
                limit == null ? 0 : limit.y());
        int xWidth = Math.max(series.xLabel().length(),
                series.points().stream().mapToInt(p -> Long.toString(p.x()).length()).max().orElse(1));
        out.append("  ").append(series.caption()).append(":\n");
        if (limit != null) {
            out.append(String.format(Locale.ROOT, "    | marks %s: %,d%n", limit.label(), limit.y()));
        }
        out.append(String.format(Locale.ROOT, "    %" + xWidth + "s  %s%n", series.xLabel(), series.yLabel()));
        int limitColumn = limit == null ? -1 : scaled(limit.y(), max, width);
        for (Point point : series.points()) {
            int bar = scaled(point.y(), max, width);
            StringBuilder row = new StringBuilder("#".repeat(bar));
            if (limitColumn >= 0) {
                while (row.length() <= limitColumn) {
                    row.append(' ');
                }
                row.setCharAt(limitColumn, '|');
            }
            out.append(String.format(Locale.ROOT, "    %" + xWidth + "d  %s %,d%n", point.x(), row, point.y()));
        }
    }

    private static int scaled(long value, long max, int width) {
        return max == 0 ? 0 : (int) Math.round((double) value * width / max);
    }

    private static void thread(ThreadView thread, StringBuilder out) {
        out.append("    \"").append(thread.name()).append("\" ").append(thread.state());
        if (thread.waitingOn() != null) {
            out.append(" on ").append(thread.waitingOn());
            if (thread.ownedBy() != null) {
                out.append(" owned by \"").append(thread.ownedBy()).append('"');
            }
        }
        out.append('\n');
        List<String> stack = thread.stack();
        stack.forEach(frame -> out.append("        at ").append(frame).append('\n'));
        if (!thread.holds().isEmpty()) {
            out.append("        holding ").append(String.join(", ", thread.holds())).append('\n');
        }
    }
}
