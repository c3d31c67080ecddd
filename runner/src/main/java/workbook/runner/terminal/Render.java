package workbook.runner.terminal;

import workbook.harness.Verdict;
import workbook.harness.VerdictText;

/** A verdict for a terminal: the plain text, with its headline coloured by what it means. */
public final class Render {

    private Render() {
    }

    /** The verdict with its prose wrapped to the terminal's width. */
    public static String verdict(Verdict verdict, Style style) {
        return verdict(verdict, style, MarkdownText.terminalWidth());
    }

    /** The verdict with its prose wrapped to {@code width} columns. */
    public static String verdict(Verdict verdict, Style style, int width) {
        String text = VerdictText.render(verdict, width);
        int end = text.indexOf('\n');
        String headline = text.substring(0, end);
        String colored = switch (verdict.outcome()) {
            case REPRODUCED -> style.bold(style.red(headline));
            case CLEAN -> style.bold(style.green(headline));
            case NOT_WORKING, NOT_OBSERVABLE, INCONCLUSIVE -> style.bold(style.yellow(headline));
        };
        return colored + text.substring(end);
    }
}
