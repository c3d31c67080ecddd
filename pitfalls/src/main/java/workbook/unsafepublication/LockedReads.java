package workbook.unsafepublication;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import workbook.harness.Evidence;
import workbook.harness.LockNames;
import workbook.harness.ThreadViews;

/**
 * Thread dumps of callers reading settings that are already loaded: a caller holding a lock taken in the subject's
 * code, or blocked or parked waiting for one there, is a read that locks, which the contract rules out. Readers that
 * do not lock are never seen so (the JVM's own locks, a class loader's, are taken outside the subject's frames).
 */
final class LockedReads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final String subject;
    private final LockNames names;
    private int dumps;
    private int locked;
    private List<Evidence.ThreadView> first = List.of();

    LockedReads(Class<?> subject, LockNames names) {
        this.subject = subject.getName();
        this.names = names;
    }

    void sample(List<Long> readers) {
        ThreadInfo[] infos = THREADS.getThreadInfo(readers.stream().mapToLong(Long::longValue).toArray(), true, true);
        dumps++;
        boolean any = false;
        for (ThreadInfo info : infos) {
            any |= info != null && inSubject(info) && (info.getLockedSynchronizers().length > 0
                    || Arrays.stream(info.getLockedMonitors()).anyMatch(m -> ofSubject(m.getLockedStackFrame()))
                    || info.getLockInfo() != null && info.getThreadState() != Thread.State.RUNNABLE);
        }
        if (any) {
            locked++;
            if (first.isEmpty()) {
                first = Arrays.stream(infos).filter(info -> info != null).map(info -> ThreadViews.of(info, names))
                        .toList();
            }
        }
    }

    private boolean inSubject(ThreadInfo info) {
        return Arrays.stream(info.getStackTrace()).anyMatch(this::ofSubject);
    }

    private boolean ofSubject(StackTraceElement frame) {
        return frame != null
                && (frame.getClassName().equals(subject) || frame.getClassName().startsWith(subject + "$"));
    }

    int dumps() {
        return dumps;
    }

    /** Dumps in which a reader held a lock or waited for one. */
    int locked() {
        return locked;
    }

    /** The readers in the first such dump, as {@code jstack} shows them. */
    List<Evidence.ThreadView> first() {
        return first;
    }
}
