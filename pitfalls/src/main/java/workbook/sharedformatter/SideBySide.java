package workbook.sharedformatter;

import java.util.List;
import java.util.Locale;

/**
 * A wrong answer beside the right one, with the characters that differ marked, and the calls the other logger was
 * making at that moment: the wrong parts of a shared format's answer are often the other thread's.
 */
final class SideBySide {

    private static final String ROW = "    %-24s %s";

    private SideBySide() {
    }

    static String of(WrongAnswer wrong) {
        Call call = wrong.call();
        StringBuilder text = new StringBuilder("The answer beside the right one:\n");
        text.append(row(wrong.logger() + "'s call #" + String.format(Locale.ROOT, "%,d", wrong.nth()), call.show()));
        text.append(row("right", call.timestamp() + (call.parse() ? "   " + call.millis() : "")));
        String got = null;
        if (wrong.thrown() != null) {
            text.append(row("got", wrong.thrown().toString()));
            text.append(SharedFormatter.stack(wrong.thrown(), 8)).append('\n');
        } else {
            got = call.parse() ? LogLines.timestamp((Long) wrong.got()) : (String) wrong.got();
            text.append(row("got", got + (call.parse() ? "   " + wrong.got() : "")));
            text.append(row("", marks(call.timestamp(), got)));
        }
        text.append(wrong.otherLogger()).append("'s latest calls at that moment, the last one in progress:\n");
        int closest = got == null ? -1 : closest(call.timestamp(), got, wrong.otherCalls());
        for (int i = 0; i < wrong.otherCalls().size(); i++) {
            Call other = wrong.otherCalls().get(i);
            String match = i == closest ? matches(call.timestamp(), got, other.timestamp()) : "";
            text.append(row(other.parse() ? "parse" : other.show(), other.timestamp() + match));
        }
        return text.toString().stripTrailing();
    }

    private static String row(String label, String value) {
        return String.format(Locale.ROOT, ROW, label, value) + "\n";
    }

    /** A caret under each character of {@code got} that is not the right one. */
    private static String marks(String right, String got) {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < got.length(); i++) {
            marks.append(i < right.length() && right.charAt(i) == got.charAt(i) ? ' ' : '^');
        }
        return marks.toString().stripTrailing();
    }

    /** The other call whose timestamp has most of the wrong characters, or -1 if none has any. */
    private static int closest(String right, String got, List<Call> others) {
        int best = -1;
        int most = 0;
        for (int i = 0; i < others.size(); i++) {
            int theirs = theirs(right, got, others.get(i).timestamp());
            if (theirs > most) {
                most = theirs;
                best = i;
            }
        }
        return best;
    }

    private static String matches(String right, String got, String other) {
        return String.format(Locale.ROOT, "   has %d of the %d marked", theirs(right, got, other),
                theirs(right, got, got));
    }

    /** How many of the wrong characters are this other timestamp's, where it has them. */
    private static int theirs(String right, String got, String other) {
        if (got.length() != right.length() || other.length() != got.length()) {
            return 0;
        }
        int theirs = 0;
        for (int i = 0; i < got.length(); i++) {
            if (got.charAt(i) != right.charAt(i) && got.charAt(i) == other.charAt(i)) {
                theirs++;
            }
        }
        return theirs;
    }
}
