package workbook.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import workbook.harness.Evidence.ThreadView;

/** Threads as {@code jstack} shows them: state, the lock waited on and its owner, locks held, top frames. */
public final class ThreadViews {

    /** Enough frames to see the blocking call and the code that made it; the harness's own frames are cut. */
    static final int MAX_FRAMES = 12;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private ThreadViews() {
    }

    /** The threads with these ids, platform or virtual (which the JDK's thread dump shows), that are still alive. */
    public static List<ThreadView> of(Collection<Long> threadIds, LockNames names) {
        return of(threadIds, names, MAX_FRAMES);
    }

    /**
     * As {@link #of(Collection, LockNames)}, with up to {@code maxFrames} frames each: for a call deep in the JDK, such
     * as a read through a reader, a decoder and a socket, whose caller is further down than {@link #MAX_FRAMES}.
     */
    public static List<ThreadView> of(Collection<Long> threadIds, LockNames names, int maxFrames) {
        long[] ids = threadIds.stream().mapToLong(Long::longValue).toArray();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids, true, true);
        List<ThreadView> views = new ArrayList<>();
        Map<Long, VirtualThreads.Dumped> virtual = null;
        for (int i = 0; i < ids.length; i++) {
            if (infos[i] != null) {
                views.add(of(infos[i], names, maxFrames));
                continue;
            }
            if (virtual == null) {
                virtual = VirtualThreads.alive();
            }
            VirtualThreads.Dumped dumped = virtual.get(ids[i]);
            if (dumped != null) {
                views.add(of(dumped, names, virtual, maxFrames));
            }
        }
        return views;
    }

    /** A virtual thread, as the JDK's thread dump shows it ({@code ThreadMXBean} does not know virtual threads). */
    static ThreadView of(VirtualThreads.Dumped thread, LockNames names, Map<Long, VirtualThreads.Dumped> others) {
        return of(thread, names, others, MAX_FRAMES);
    }

    private static ThreadView of(VirtualThreads.Dumped thread, LockNames names,
            Map<Long, VirtualThreads.Dumped> others, int maxFrames) {
        String name = nameOf(thread);
        List<String> stack = new ArrayList<>();
        for (String frame : thread.stack()) {
            if (frame.startsWith("workbook.harness.") || stack.size() == maxFrames) {
                break;
            }
            if (!frame.contains("$$Lambda") && !frame.startsWith("java.lang.VirtualThread.")
                    && !frame.startsWith("java.lang.System$")) {
                stack.add(frame);
            }
        }
        String owner = thread.blockedOn() == null
                ? null
                : others.values().stream().filter(t -> t.holds().contains(thread.blockedOn())).findFirst()
                        .map(ThreadViews::nameOf).orElse(null);
        return new ThreadView(name, thread.state() == null ? "ALIVE" : thread.state(),
                thread.waitingOn() == null ? null : names.of(thread.waitingOn()), owner,
                thread.holds().stream().map(names::of).toList(), stack);
    }

    public static ThreadView of(ThreadInfo info, LockNames names) {
        return of(info, names, MAX_FRAMES);
    }

    private static ThreadView of(ThreadInfo info, LockNames names, int maxFrames) {
        List<String> holds = new ArrayList<>();
        for (MonitorInfo monitor : info.getLockedMonitors()) {
            holds.add(names.of(monitor));
        }
        Arrays.stream(info.getLockedSynchronizers()).map(names::of).forEach(holds::add);
        return new ThreadView(info.getThreadName(), info.getThreadState().name(), names.of(info.getLockInfo()),
                info.getLockOwnerName(), holds, stack(info.getStackTrace(), maxFrames));
    }

    /** The frames that matter, as {@code jstack} prints them: down to the harness, generated lambda classes left out. */
    private static List<String> stack(StackTraceElement[] frames, int maxFrames) {
        List<String> stack = new ArrayList<>();
        for (StackTraceElement frame : frames) {
            if (frame.getClassName().startsWith("workbook.harness.") || stack.size() == maxFrames) {
                break;
            }
            if (!frame.getClassName().contains("$$Lambda")) {
                stack.add(format(frame));
            }
        }
        return stack;
    }

    /** A failure as the thread that threw it shows it, as a stack trace would, with the frames {@link #of} keeps. */
    public static ThreadView thrown(String thread, Throwable failure) {
        String what = "threw " + failure.getClass().getName()
                + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        return new ThreadView(thread, what, null, null, List.of(), stack(failure.getStackTrace(), MAX_FRAMES));
    }

    /** A virtual thread's name as views show it: marked virtual, and its id when it has no name. */
    static String nameOf(VirtualThreads.Dumped thread) {
        return (thread.name().isEmpty() ? "#" + thread.id() : thread.name()) + " (virtual)";
    }

    /** As {@code jstack} prints a frame, without the module and class loader prefixes. */
    public static String format(StackTraceElement frame) {
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
