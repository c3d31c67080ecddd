package workbook.uninterruptibleio;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.List;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.LockNames;
import workbook.harness.ThreadViews;
import workbook.uninterruptibleio.Widget.Delivery;

/**
 * The threads that read the widgets' quotes, as the scenario sees them: which one reads a widget's, whether it waits
 * for the feed, when it was done after the cancel, and its stack as {@code jstack} shows it.
 */
final class Readers {

    /** A socket read's stack is deep (a reader, a decoder, the socket): enough frames to see who made it. */
    static final int FRAMES = 24;
    /** Frames of a thread blocked reading a socket, through a stream or a channel (JDK 21 to 25). */
    static final List<String> SOCKET_READS = List.of("java.net.Socket$SocketInputStream.read(",
            "sun.nio.ch.NioSocketImpl.read(", "sun.nio.ch.SocketChannelImpl.read(", "java.net.SocketInputStream.read(");
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final FeedPool pool;
    private final LockNames names;

    Readers(FeedPool pool, LockNames names) {
        this.pool = pool;
        this.names = names;
    }

    /** The thread that read the widget's quotes: the one that handed over its last quote before the cancel. */
    Thread of(Widget widget) {
        List<Delivery> before = widget.deliveries().stream()
                .filter(d -> !widget.cancelled() || d.atNanos() <= widget.cancelledAt()).toList();
        return before.isEmpty() ? widget.reader() : before.get(before.size() - 1).thread();
    }

    /** Whether the thread is one of the executor's. */
    boolean onTheExecutor(Thread thread) {
        return pool.owns(thread);
    }

    /** Whether a thread waits: parked, sleeping, or in native code (a socket read); a virtual one is not seen. */
    static boolean waiting(Thread thread) {
        if (thread.isVirtual()) {
            return true;
        }
        ThreadInfo info = THREADS.getThreadInfo(thread.threadId());
        return info == null || info.isInNative() || info.getThreadState() == Thread.State.WAITING
                || info.getThreadState() == Thread.State.TIMED_WAITING;
    }

    /**
     * When a cancelled widget's reader was done, as {@link System#nanoTime()}: its task over, for a thread of the
     * executor; the present moment for another thread that has ended; 0 while it is not done.
     */
    long doneAt(Widget widget) {
        Thread reader = of(widget);
        if (pool.owns(reader)) {
            return pool.freedAfter(reader, widget.cancelledAt());
        }
        return reader.isAlive() ? 0 : System.nanoTime();
    }

    boolean done(Widget widget) {
        return doneAt(widget) != 0;
    }

    /** When the tasks that ran on the widget's reader ended, if it is a thread of the executor. */
    List<Long> tasksEnded(Widget widget) {
        Thread reader = widget.reader() == null ? null : of(widget);
        return reader != null && pool.owns(reader) ? pool.endedOn(reader) : List.of();
    }

    /** The thread as {@code jstack} shows it, with enough frames for a socket read. */
    ThreadView view(Thread thread) {
        List<ThreadView> views = ThreadViews.of(List.of(thread.threadId()), names, FRAMES);
        return views.isEmpty()
                ? new ThreadView(thread.getName(), "TERMINATED", null, null, List.of(), List.of())
                : views.get(0);
    }

    /** Whether the view shows a thread blocked in a socket read. */
    static boolean inSocketRead(ThreadView view) {
        return view.stack().stream().anyMatch(frame -> SOCKET_READS.stream().anyMatch(frame::startsWith));
    }

    /**
     * Where a thread blocked in a socket read waits, without file and line: the native read of a platform thread
     * ({@code sun.nio.ch.SocketDispatcher.read0}), or where a virtual one parked.
     */
    static String where(ThreadView view) {
        String frame = view.stack().stream().filter(f -> f.startsWith("sun.nio.ch.") || f.startsWith("java.net."))
                .findFirst().orElse(view.stack().get(0));
        int paren = frame.indexOf('(');
        return paren < 0 ? frame : frame.substring(0, paren);
    }
}
