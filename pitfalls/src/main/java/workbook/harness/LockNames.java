package workbook.harness;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.stream.Collectors;

/**
 * Friendly names for the locks a scenario hands out ("account A" rather than "Account@1b6d3586"), matched by
 * identity hash as {@link LockInfo} reports them.
 */
public final class LockNames {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Map<Integer, String> names = new ConcurrentHashMap<>();

    /**
     * Names a monitor, a {@link Lock} or a {@link ReadWriteLock}. Name a lock before anyone uses it: a
     * {@code ReentrantLock} shows in thread dumps as its inner synchronizer, which is found by taking it once.
     */
    public void name(Object lock, String name) {
        names.put(System.identityHashCode(lock), name);
        Lock ownable = lock instanceof ReadWriteLock readWrite
                ? readWrite.writeLock()
                : lock instanceof Lock plain ? plain : null;
        if (ownable != null) {
            synchronizerOf(ownable).forEach(hash -> names.put(hash, name));
        }
    }

    public String of(LockInfo lock) {
        if (lock == null) {
            return null;
        }
        String name = names.get(lock.getIdentityHashCode());
        String type = lock.getClassName().substring(lock.getClassName().lastIndexOf('.') + 1);
        return name != null ? name : type + "@" + Integer.toHexString(lock.getIdentityHashCode());
    }

    /** A lock as the JDK's thread dump writes it, {@code "java.lang.Object@4f6ee6e4"}: by its name if it has one. */
    public String of(String dumped) {
        int at = dumped.lastIndexOf('@');
        if (at < 0) {
            return dumped;
        }
        try {
            String name = names.get(Integer.parseUnsignedInt(dumped.substring(at + 1), 16));
            String type = dumped.substring(dumped.lastIndexOf('.', at) + 1);
            return name != null ? name : type;
        } catch (NumberFormatException e) {
            return dumped;
        }
    }

    /** The identity of the synchronizer that a thread dump shows for this lock: the one it adds when taken. */
    private static Set<Integer> synchronizerOf(Lock lock) {
        Set<Integer> before = heldSynchronizers();
        if (!lock.tryLock()) {
            return Set.of();
        }
        try {
            Set<Integer> held = heldSynchronizers();
            held.removeAll(before);
            return held;
        } finally {
            lock.unlock();
        }
    }

    private static Set<Integer> heldSynchronizers() {
        long self = Thread.currentThread().threadId();
        return Arrays.stream(THREADS.getThreadInfo(new long[]{self}, false, true)[0].getLockedSynchronizers())
                .map(LockInfo::getIdentityHashCode).collect(Collectors.toSet());
    }
}
