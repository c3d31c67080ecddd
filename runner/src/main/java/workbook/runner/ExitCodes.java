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
    /** {@code check}: the learner's fix still shows the failure. */
    public static final int STILL_BROKEN = 5;
    /** {@code check}: the learner's fix compiles but does not do the job (throws, stalls, loses the work). */
    public static final int DOES_NOT_WORK = 6;
    /** {@code check}: the learner's file does not compile. */
    public static final int DOES_NOT_COMPILE = 7;

    /** The list {@code --help} shows. */
    static final Map<String, String> HELP = helpList();

    private static Map<String, String> helpList() {
        Map<String, String> help = new LinkedHashMap<>();
        help.put(" " + AS_EXPECTED, "as expected (broken reproduced, fixed clean; check: FIXED)");
        help.put(" " + UNEXPECTED, "an unexpected outcome (broken clean, fixed reproduced, or not working)");
        help.put(" " + USAGE, "a usage error (unknown id, bad option)");
        help.put(" " + INCONCLUSIVE, "inconclusive: the trial could not decide");
        help.put(" " + INTERNAL, "the workbook itself failed");
        help.put(" " + STILL_BROKEN, "check: STILL BROKEN, the fix still shows the failure");
        help.put(" " + DOES_NOT_WORK, "check: DOES NOT WORK, the fix compiles but does not do the job");
        help.put(" " + DOES_NOT_COMPILE, "check: the file does not compile");
        return help;
    }

    private ExitCodes() {
    }
}
