package workbook.harness;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the trial says when the code under test ends its JVM: {@code System.exit} runs the shutdown hooks, and the
 * hook finds the thread that called it and reports it as the verdict (the launcher adds the exit status). A JVM that
 * ends without its hooks ({@code Runtime.halt}, a crash) is judged by the launcher from its exit status alone.
 */
final class JvmExit {

    /** How a verdict of a JVM ended by the code under test begins; the launcher adds the exit status to it. */
    static final String ENDED = "the code under test ended the trial's JVM";

    private JvmExit() {
    }

    /** Registers the hook that reports a {@code System.exit} of the code under test as the trial's verdict. */
    static void reportTo(Path verdictFile, String pitfall, Variant variant) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                TrialMain.write(exited(pitfall, variant, caller()), verdictFile);
            } catch (IOException | RuntimeException e) {
                // The launcher still sees the exit status.
            }
        }, Harness.THREAD_PREFIX + "exit-report"));
    }

    static Verdict outOfMemory(String pitfall, Variant variant, OutOfMemoryError e) {
        return verdict(pitfall, variant, outOfMemory(e), List.of());
    }

    /** What running out of heap says, with the heap's size. */
    static String outOfMemory(OutOfMemoryError e) {
        long maxMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return "the trial ran out of heap (" + e.getMessage() + ", at most " + maxMb
                + " MB): the code under test kept more than it should, or allocated without end";
    }

    private static Verdict exited(String pitfall, Variant variant, Thread caller) {
        List<Evidence> evidence = caller == null
                ? List.of()
                : List.of(new Evidence.Threads("Where it called System.exit",
                        ThreadViews.of(List.of(caller.threadId()), new LockNames())));
        return verdict(pitfall, variant, ENDED + " (System.exit) before the scenario could finish: a fix must never"
                + " end the JVM", evidence);
    }

    /** The thread waiting in {@code Runtime.exit} for the hooks to finish. */
    private static Thread caller() {
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                if (frame.getClassName().equals("java.lang.Runtime") && frame.getMethodName().equals("exit")) {
                    return thread.getKey();
                }
            }
        }
        return null;
    }

    private static Verdict verdict(String pitfall, Variant variant, String summary, List<Evidence> evidence) {
        return new Verdict(pitfall, variant, Outcome.NOT_WORKING, null, summary, evidence,
                new Verdict.Timings(0, 0, 0), "");
    }
}
