package workbook.harness;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import workbook.harness.Evidence.ThreadView;

/**
 * Finds threads that outlive their owner: snapshot the live threads before the call, then after it list the new
 * threads still alive once a grace period has passed, with their stacks.
 */
public final class ThreadLeakDetector {

    /** Threads the JVM or the harness may start on its own; they are nobody's leak. */
    private static final Set<String> JVM_THREADS = Set.of("Attach Listener", "process reaper", "Common-Cleaner",
            "Signal Dispatcher", "Notification Thread", "Reference Handler", "Finalizer");

    private final Set<Long> before;
    private final Predicate<Thread> ignored;

    private ThreadLeakDetector(Set<Long> before, Predicate<Thread> ignored) {
        this.before = before;
        this.ignored = ignored;
    }

    /** Remembers the threads alive now. */
    public static ThreadLeakDetector snapshot() {
        return new ThreadLeakDetector(liveThreads().stream().map(Thread::threadId).collect(Collectors.toSet()),
                t -> JVM_THREADS.contains(t.getName()) || Harness.owns(t));
    }

    /** The same snapshot, and also ignoring the new threads that {@code alsoIgnored} accepts. */
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
            Thread.sleep(10);
            survivors = newThreads();
        }
        return ThreadViews.of(survivors, names);
    }

    /** The threads started since the snapshot and still alive, without waiting. */
    public Set<Long> newThreads() {
        return liveThreads().stream().filter(t -> !before.contains(t.threadId()))
                .filter(ignored.negate()).map(Thread::threadId)
                .collect(Collectors.toSet());
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }
}
