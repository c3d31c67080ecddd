package workbook.harness;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The locks a group of threads was seen holding, over many thread dumps taken while they worked: the sign of code
 * that puts one lock around everything its callers do (one lock held again and again, by each of them in turn),
 * which the JVM's own contention counts miss on a machine with few cores, where the holder mostly runs alone.
 * Locks the JDK takes on small parts of a structure (a {@code ConcurrentHashMap}'s bins) are many different objects.
 */
public final class HeldLocks {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * The one lock of the rounds: in each round, the lock held most often, if held more than once and in most of the
     * times a lock was held then. {@code timesHeld} is summed over those rounds, {@code ofHeld} over all rounds.
     */
    public record Lock(String type, int timesHeld, int ofHeld, Set<String> holders,
            List<Evidence.ThreadView> seen) {
        public double share() {
            return ofHeld == 0 ? 0 : (double) timesHeld / ofHeld;
        }

        /**
         * One lock around everything its callers do: held by more than one of them, in most of the times any lock
         * was held ({@link #ONE_LOCK_SHARE}), and in a good part of all {@code dumps} ({@link #ONE_LOCK_DUMPS}).
         */
        public boolean heldInTurn(int dumps) {
            return timesHeld >= MIN_TIMES_HELD && holders.size() > 1 && share() >= ONE_LOCK_SHARE
                    && timesHeld >= ONE_LOCK_DUMPS * dumps;
        }
    }

    static final int MIN_TIMES_HELD = 5;
    static final double ONE_LOCK_SHARE = 0.6;
    static final double ONE_LOCK_DUMPS = 0.25;

    private static final class Tally {
        final String type;
        final Set<String> holders = new HashSet<>();
        int times;
        List<Evidence.ThreadView> seen = List.of();

        Tally(String type) {
            this.type = type;
        }
    }

    private final LockNames names;
    private final boolean synchronizers;
    private Map<Integer, Tally> round = new HashMap<>();
    private int heldThisRound;
    private int dumps;
    private int held;
    private int oneLockHeld;
    private final Set<String> oneLockHolders = new HashSet<>();
    private Tally oneLock;

    private HeldLocks(LockNames names, boolean synchronizers) {
        this.names = names;
        this.synchronizers = synchronizers;
    }

    /**
     * Dumps of callers of {@code code}: they look for the {@code java.util.concurrent} locks held only when the code's
     * own class files use such locks. Finding those is a walk of the JVM over its whole heap, with every thread
     * stopped (measured here: 6 to 10 ms a dump with a heap full of short-lived objects, against 0.14 ms for the
     * monitors alone), and it slows the very callers it watches. The locks the JDK's classes take inside (a queue's)
     * are not one lock around everything the callers do.
     */
    public static HeldLocks forCallersOf(Class<?> code, LockNames names) {
        return new HeldLocks(names, ClassFiles.mention(code, "java/util/concurrent/locks/").orElse(true));
    }

    /** Whether the dumps look for {@code java.util.concurrent} locks too. */
    public boolean seesSynchronizers() {
        return synchronizers;
    }

    /**
     * Takes one dump of these threads (a safepoint: every thread stops for a moment), tallies what they held, and
     * returns the dump (a thread that has ended is null in it).
     */
    public ThreadInfo[] sample(Collection<Long> threadIds) {
        ThreadInfo[] infos = THREADS.getThreadInfo(threadIds.stream().mapToLong(Long::longValue).toArray(), true,
                synchronizers);
        dumps++;
        for (ThreadInfo info : infos) {
            if (info == null) {
                continue;
            }
            List<LockInfo> locks = new ArrayList<>(List.of(info.getLockedMonitors()));
            locks.addAll(List.of(info.getLockedSynchronizers()));
            for (LockInfo lock : locks) {
                heldThisRound++;
                Tally tally = round.computeIfAbsent(lock.getIdentityHashCode(),
                        hash -> new Tally(lock.getClassName().substring(lock.getClassName().lastIndexOf('.') + 1)));
                tally.times++;
                tally.holders.add(info.getThreadName());
                ThreadInfo waiter = waiterFor(infos, info.getThreadId());
                // Keep the first dump of its holder, or a better one: the holder and a thread waiting for it.
                if (tally.seen.isEmpty() || waiter != null && tally.seen.size() < 2) {
                    tally.seen = waiter == null
                            ? List.of(ThreadViews.of(info, names))
                            : List.of(ThreadViews.of(info, names), ThreadViews.of(waiter, names));
                }
            }
        }
        return infos;
    }

    /** Ends a round of work on new objects (new locks, then): its most held lock counts if it was one for all. */
    public void endRound() {
        Optional<Tally> top = oneForAllThisRound();
        if (top.isPresent()) {
            oneLockHeld += top.get().times;
            oneLockHolders.addAll(top.get().holders);
            if (oneLock == null || oneLock.seen.size() < top.get().seen.size()) {
                oneLock = top.get();
            }
        }
        held += heldThisRound;
        heldThisRound = 0;
        round = new HashMap<>();
    }

    /** This round's most held lock, if it was held more than once and in most of the times a lock was held. */
    private Optional<Tally> oneForAllThisRound() {
        return round.values().stream().max(Comparator.comparingInt(tally -> tally.times))
                .filter(top -> top.times > 1 && top.times * 2 > heldThisRound);
    }

    private static ThreadInfo waiterFor(ThreadInfo[] infos, long holder) {
        for (ThreadInfo info : infos) {
            if (info != null && info.getLockOwnerId() == holder) {
                return info;
            }
        }
        return null;
    }

    /** How many dumps were taken. */
    public int dumps() {
        return dumps;
    }

    /** The lock that was one for all in some of the ended rounds, if any. */
    public Optional<Lock> oneLock() {
        return oneLock == null
                ? Optional.empty()
                : Optional.of(new Lock(oneLock.type, oneLockHeld, held, Set.copyOf(oneLockHolders),
                        oneLock.seen));
    }
}
