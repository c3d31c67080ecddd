package workbook.runner;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the workbook's exit status means; listed in {@code --help}. */
public final class ExitCodes {

    /** The outcome was the expected one: the broken example reproduced, the fixed one was clean. */
    public static final int AS_EXPECTED = 0;
    /** The outcome was not the expected one. */
    public static final int UNEXPECTED = 1;
    /** The command line was wrong (an unknown id, a missing argument). */
    public static final int USAGE = 2;
    /** The trial could not decide. */
    public static final int INCONCLUSIVE = 3;
    /** The workbook itself failed. */
    public static final int INTERNAL = 4;

    /** The list {@code --help} shows. */
    static final Map<String, String> HELP = helpList();

    private static Map<String, String> helpList() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put(" " + AS_EXPECTED, "as expected (broken reproduced, fixed clean)");
        help.put(" " + UNEXPECTED, "an unexpected outcome (broken clean, fixed reproduced, or not working)");
        help.put(" " + USAGE, "a usage error (unknown id, bad option)");
        help.put(" " + INCONCLUSIVE, "inconclusive: the trial could not decide");
        help.put(" " + INTERNAL, "the workbook itself failed");
        return help;
    }

    private ExitCodes() {
    }
}
