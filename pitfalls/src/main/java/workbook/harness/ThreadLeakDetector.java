package workbook.harness;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import workbook.harness.Evidence.ThreadView;

/**
 * Finds threads that outlive their owner: snapshot the live threads before the call, then after it list the new
 * threads still alive once a grace period has passed, with their stacks. Virtual threads count as much as platform
 * ones; the threads the JVM keeps for itself (its housekeeping, the carriers that run virtual threads) never do.
 */
public final class ThreadLeakDetector {

    /** Threads the JVM or the harness may start on its own; they are nobody's leak. */
    private static final Set<String> JVM_THREADS = Set.of("Attach Listener", "process reaper", "Common-Cleaner",
            "Signal Dispatcher", "Notification Thread", "Reference Handler", "Finalizer", "VirtualThread-unblocker",
            "VirtualThread-unparker", "Read-Poller", "Write-Poller");

    /** The thread group of the JDK's virtual-thread scheduler: its carrier threads and their timer. */
    private static final String CARRIER_GROUP = "CarrierThreads";

    /** How often to look again while waiting for threads to end: a thread dump costs some milliseconds. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final Set<Long> before;
    private final Predicate<Thread> ignored;

    private ThreadLeakDetector(Set<Long> before, Predicate<Thread> ignored) {
        this.before = before;
        this.ignored = ignored;
    }

    /** Remembers the threads alive now, platform and virtual. */
    public static ThreadLeakDetector snapshot() {
        Set<Long> alive = platformThreads().stream().map(Thread::threadId).collect(Collectors.toSet());
        alive.addAll(VirtualThreads.alive().keySet());
        return new ThreadLeakDetector(alive, ThreadLeakDetector::jvmOwned);
    }

    /** The same snapshot, and also ignoring the new platform threads that {@code alsoIgnored} accepts. */
    public ThreadLeakDetector ignoring(Predicate<Thread> alsoIgnored) {
        return new ThreadLeakDetector(before, ignored.or(alsoIgnored));
    }

    /**
     * Waits up to {@code grace} for the threads started since the snapshot to end, and returns those still alive.
     * Returns as soon as none is left.
     */
    public List<ThreadView> survivorsAfter(Duration grace, LockNames names) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        Set<Long> survivors = newThreads();
        while (!survivors.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
            survivors = newThreads();
        }
        return ThreadViews.of(survivors, names);
    }

    /** The threads, platform and virtual, started since the snapshot and still alive, without waiting. */
    public Set<Long> newThreads() {
        Set<Long> fresh = new HashSet<>(newPlatformThreads());
        VirtualThreads.alive().values().stream().filter(t -> !before.contains(t.id()))
                .filter(t -> !JVM_THREADS.contains(t.name())).forEach(t -> fresh.add(t.id()));
        return fresh;
    }

    /**
     * The platform threads started since the snapshot and still alive: cheaper than {@link #newThreads()}, for a
     * scenario that counts threads after every call.
     */
    public Set<Long> newPlatformThreads() {
        return platformThreads().stream().filter(t -> !before.contains(t.threadId())).filter(ignored.negate())
                .map(Thread::threadId).collect(Collectors.toSet());
    }

    private static boolean jvmOwned(Thread thread) {
        ThreadGroup group = thread.getThreadGroup();
        return JVM_THREADS.contains(thread.getName()) || Harness.owns(thread)
                || group != null && group.getName().equals(CARRIER_GROUP);
    }

    private static Set<Thread> platformThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }
}
