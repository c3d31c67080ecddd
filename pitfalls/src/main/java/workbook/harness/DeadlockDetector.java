package workbook.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import workbook.harness.Evidence.LockCycle;
import workbook.harness.Evidence.LockEdge;

/**
 * Finds a cycle of threads waiting on each other's monitors or ownable synchronizers ({@code ReentrantLock}, the
 * write lock), as {@code jstack} reports "Found one Java-level deadlock". Cycles it cannot see (read locks,
 * semaphores, class initialisation, virtual threads) are the {@link ProgressWatchdog}'s job.
 */
public final class DeadlockDetector {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DeadlockDetector() {
    }

    public static Optional<LockCycle> findCycle(LockNames names) {
        long[] ids = THREADS.findDeadlockedThreads();
        if (ids == null) {
            return Optional.empty();
        }
        Map<String, ThreadInfo> byName = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(ids, true, true)) {
            if (info != null) {
                byName.put(info.getThreadName(), info);
            }
        }
        if (byName.isEmpty()) {
            return Optional.empty();
        }
        List<LockEdge> edges = new ArrayList<>();
        List<Evidence.ThreadView> views = new ArrayList<>();
        // Walk the cycle from its alphabetically first thread, so it reads the same way every time.
        ThreadInfo current = byName.get(byName.keySet().stream().sorted().findFirst().orElseThrow());
        while (current != null && edges.size() < byName.size()) {
            Evidence.ThreadView view = ThreadViews.of(current, names);
            views.add(view);
            edges.add(new LockEdge(view.name(), view.holds(), view.waitingOn(), view.ownedBy()));
            current = byName.get(current.getLockOwnerName());
        }
        return Optional.of(new LockCycle(edges, views));
    }
}
