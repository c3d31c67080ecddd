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
 * write lock), as {@code jstack} reports "Found one Java-level deadlock". {@code ThreadMXBean} knows no virtual
 * threads: their monitor cycles are found in the JDK's thread dump, where it says which monitor each thread is
 * blocked on and which it holds (JDK 24 and later). Cycles neither can see (read locks, semaphores, class
 * initialisation, a virtual thread's {@code ReentrantLock}) are the {@link ProgressWatchdog}'s job.
 */
public final class DeadlockDetector {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DeadlockDetector() {
    }

    public static Optional<LockCycle> findCycle(LockNames names) {
        long[] ids = THREADS.findDeadlockedThreads();
        if (ids == null) {
            return virtualCycle(names);
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

    /** A cycle of virtual threads, each blocked entering a monitor the next one holds. */
    static Optional<LockCycle> virtualCycle(LockNames names) {
        Map<Long, VirtualThreads.Dumped> virtual = VirtualThreads.alive();
        Map<String, VirtualThreads.Dumped> ownerOf = new HashMap<>();
        virtual.values().forEach(t -> t.holds().forEach(lock -> ownerOf.put(lock, t)));
        for (VirtualThreads.Dumped start : virtual.values().stream()
                .sorted(java.util.Comparator.comparing(VirtualThreads.Dumped::name)).toList()) {
            List<VirtualThreads.Dumped> path = new ArrayList<>();
            VirtualThreads.Dumped current = start;
            while (current != null && current.blockedOn() != null && !path.contains(current)) {
                path.add(current);
                current = ownerOf.get(current.blockedOn());
            }
            if (current == start && path.size() > 1) {
                List<Evidence.ThreadView> views = path.stream().map(t -> ThreadViews.of(t, names, virtual)).toList();
                List<LockEdge> edges = views.stream()
                        .map(v -> new LockEdge(v.name(), v.holds(), v.waitingOn(), v.ownedBy())).toList();
                return Optional.of(new LockCycle(edges, views));
            }
        }
        return Optional.empty();
    }
}
