package workbook.torninvariant;

import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import workbook.harness.Evidence;
import workbook.harness.LockNames;
import workbook.harness.ThreadViews;

/**
 * What thread dumps of the feed and the readers show of a band that keeps them apart: readers waiting inside
 * {@code current()} on the same lock the feed waits on inside {@code move()}, and hardly ever the two running inside
 * the band at once. A band that only lets one side in at a time
 * cannot be read torn, however coarsely the two took turns (a read-write lock on two cores hands the band over in
 * long stretches, so that the readers see it change too seldom to judge it by the tears they did not see).
 */
final class Exclusion {

    /** A thread whose top frames are a lock's code is acquiring it (spinning before it parks), or handing it on. */
    private static final int LOCK_FRAMES = 4;
    private static final int BOTH_INSIDE_RATIO = 10;

    private final String band;
    private final LockNames names;
    private int readerWaited;
    private int feedWaited;
    private final Set<Integer> readersWaitedOn = new HashSet<>();
    private final Set<Integer> feedWaitedOn = new HashSet<>();
    private int bothInside;
    private int dumps;
    private List<Evidence.ThreadView> seen = List.of();

    Exclusion(Class<?> band, LockNames names) {
        this.band = band.getName();
        this.names = names;
    }

    /** Tallies one dump: the feed first, then the readers. */
    void tally(ThreadInfo[] dump) {
        dumps++;
        ThreadInfo feed = dump[0];
        if (feed == null) {
            return;
        }
        boolean feedInside = inside(feed, "move");
        boolean feedWaiting = feedInside && waiting(feed);
        if (feedWaiting && feed.getLockInfo() != null) {
            feedWaitedOn.add(feed.getLockInfo().getIdentityHashCode());
            feedWaited++;
        }
        for (int i = 1; i < dump.length; i++) {
            ThreadInfo reader = dump[i];
            if (reader == null || !inside(reader, "current")) {
                continue;
            }
            boolean readerWaiting = waiting(reader);
            if (readerWaiting && reader.getLockInfo() != null) {
                readersWaitedOn.add(reader.getLockInfo().getIdentityHashCode());
                readerWaited++;
                if (seen.isEmpty() && feedInside) {
                    seen = List.of(ThreadViews.of(feed, names), ThreadViews.of(reader, names));
                }
            } else if (feedInside && !feedWaiting && !readerWaiting) {
                bothInside++;
            }
        }
    }

    /**
     * Seen often enough, both ways, and hardly ever both running inside the band: a dump stops a thread at a
     * safepoint, often on its way out of a method, after its lock was released, which shows it inside now and then.
     */
    boolean keptApart(int minimum) {
        return readerWaited >= minimum && feedWaited >= minimum && oneLock()
                && bothInside * BOTH_INSIDE_RATIO <= readerWaited;
    }

    /** The feed and the readers were seen waiting on the same lock. */
    boolean oneLock() {
        return readersWaitedOn.stream().anyMatch(feedWaitedOn::contains);
    }

    int bothInside() {
        return bothInside;
    }

    int dumps() {
        return dumps;
    }

    int readerWaited() {
        return readerWaited;
    }

    int feedWaited() {
        return feedWaited;
    }

    /** The feed inside move() with a reader waiting inside current(), as {@code jstack} shows them. */
    List<Evidence.ThreadView> seen() {
        return seen;
    }

    private boolean inside(ThreadInfo thread, String method) {
        return Arrays.stream(thread.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(band) && frame.getMethodName().equals(method));
    }

    /** Blocked or parked, or still spinning in a lock's code before it parks. */
    private static boolean waiting(ThreadInfo thread) {
        if (thread.getThreadState() != Thread.State.RUNNABLE) {
            return true;
        }
        return Arrays.stream(thread.getStackTrace()).limit(LOCK_FRAMES)
                .anyMatch(frame -> frame.getClassName().startsWith("java.util.concurrent.locks."));
    }
}
