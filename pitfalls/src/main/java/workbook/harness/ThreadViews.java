package workbook.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import workbook.harness.Evidence.ThreadView;

/** Threads as {@code jstack} shows them: state, the lock waited on and its owner, locks held, top frames. */
public final class ThreadViews {

    /** Enough frames to see the blocking call and the code that made it; the harness's own frames are cut. */
    static final int MAX_FRAMES = 12;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadViews() {
    }

    public static List<ThreadView> of(Collection<Long> threadIds, LockNames names) {
        long[] ids = threadIds.stream().mapToLong(Long::longValue).toArray();
        return Arrays.stream(THREADS.getThreadInfo(ids, true, true)).filter(Objects::nonNull)
                .map(info -> of(info, names)).toList();
    }

    public static ThreadView of(ThreadInfo info, LockNames names) {
        List<String> holds = new ArrayList<>();
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            holds.add(names.of(monitor));
        }
        Arrays.stream(info.getLockedSynchronizers()).map(names::of).forEach(holds::add);
        List<String> stack = new ArrayList<>();
        for (StackTraceElement frame : info.getStackTrace()) {
            if (frame.getClassName().startsWith("workbook.harness.") || stack.size() == MAX_FRAMES) {
                break;
            }
            if (!frame.getClassName().contains("$$Lambda")) {
                stack.add(format(frame));
            }
        }
        return new ThreadView(info.getThreadName(), info.getThreadState().name(), names.of(info.getLockInfo()),
                info.getLockOwnerName(), holds, stack);
    }

    /** As {@code jstack} prints a frame, without the module and class loader prefixes. */
    static String format(StackTraceElement frame) {
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
