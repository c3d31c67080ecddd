package workbook.endlessconsumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import workbook.harness.ChildJvm;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.Harness;

/**
 * The threads that keep a child JVM alive after {@code main} has ended, listed by the child itself. {@link ChildJvm}
 * lists them too, 300 ms after {@code main} returns, but its first thread dump and its first JSON can take a second
 * or more on a busy machine: later than a short deadline. This list needs neither, so it is in well before the
 * deadline; {@link EndlessConsumer} uses it when the harness's list did not come in time. Lock details are left
 * out: the name, the state and the stack show where a thread waits.
 */
final class LingeringThreads {

    /** Time for threads that are about to end to do so. */
    static final Duration SETTLE = Duration.ofMillis(50);
    static final int MAX_FRAMES = 12;

    private static final String PREFIX = "lingering\t";

    private LingeringThreads() {
    }

    /** Starts a daemon thread that prints the threads still alive {@link #SETTLE} after {@code main} has ended. */
    static void reportAfter(Thread main) {
        Harness.threads("lingering-report").newThread(() -> report(main)).start();
    }

    private static void report(Thread main) {
        try {
            main.join();
            Thread.sleep(SETTLE);
        } catch (InterruptedException e) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> entry : Thread.getAllStackTraces().entrySet()) {
            Thread thread = entry.getKey();
            if (thread.isAlive() && !thread.isDaemon() && !thread.getName().equals("DestroyJavaVM")) {
                List<String> frames = Arrays.stream(entry.getValue()).limit(MAX_FRAMES).map(LingeringThreads::format)
                        .toList();
                lines.append(PREFIX).append(thread.getName()).append('\t').append(thread.getState()).append('\t')
                        .append(String.join("|", frames)).append('\n');
            }
        }
        System.out.print(lines);
        System.out.flush();
    }

    /** The threads as the child listed them, or none when it did not. */
    static List<ThreadView> parse(String output) {
        List<ThreadView> threads = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.split("\t", 4);
            if (line.startsWith(PREFIX) && fields.length == 4) {
                List<String> stack = fields[3].isEmpty() ? List.of() : List.of(fields[3].split("\\|"));
                threads.add(new ThreadView(fields[1], fields[2], null, null, List.of(), stack));
            }
        }
        return threads;
    }

    /** As {@code jstack} prints a frame, without the module prefix. */
    private static String format(StackTraceElement frame) {
        String where = frame.isNativeMethod()
                ? "Native Method"
                : frame.getFileName() == null
                        ? "Unknown Source"
                        : frame.getLineNumber() < 0
                                ? frame.getFileName()
                                : frame.getFileName() + ":" + frame.getLineNumber();
        return frame.getClassName() + "." + frame.getMethodName() + "(" + where + ")";
    }
}
