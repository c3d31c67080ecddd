package workbook.harness;

import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * How often callers were seen waiting inside the code under test, over many thread dumps taken while they worked:
 * blocked on a monitor, parked on a lock, or waiting for a future that another thread completes. Code whose callers
 * never wait for each other shows them running; code that makes them take turns shows them waiting, whatever it
 * waits with (a lock is also seen by {@link HeldLocks}; a hand-off to one thread of its own is seen only here).
 */
public final class WaitingCallers {

    private final String subject;
    private final LockNames names;
    private int dumps;
    private int waiting;
    private Evidence.ThreadView first;

    /** Callers waiting in a frame of this class (or one of its nested classes). */
    public WaitingCallers(Class<?> subject, LockNames names) {
        this.subject = subject.getName();
        this.names = names;
    }

    /**
     * Tallies one dump of the callers. A dump in which fewer than two of them are still at work is left out: a caller
     * left alone has nobody to wait for, and an unfair lock can let one caller finish its calls first while the other
     * waits, then run alone for the rest of the round.
     */
    public void tally(ThreadInfo[] dump) {
        if (Arrays.stream(dump).filter(info -> info != null && info.getThreadState() != Thread.State.TERMINATED)
                .count() < 2) {
            return;
        }
        dumps++;
        for (ThreadInfo info : dump) {
            if (info != null && (info.getThreadState() != Thread.State.RUNNABLE && inSubject(info) || spinning(info))) {
                waiting++;
                if (first == null) {
                    first = ThreadViews.of(info, names);
                }
                return;
            }
        }
    }

    /**
     * Running, but in the subject's own code at the top of the stack, or in what a spin loop calls from there (an
     * atomic, {@link Thread#onSpinWait}, {@link Thread#yield}): busy-waiting for another caller. The subject's calls
     * into any other code (the work itself) are not counted.
     */
    private boolean spinning(ThreadInfo info) {
        if (info.getThreadState() != Thread.State.RUNNABLE) {
            return false;
        }
        for (StackTraceElement frame : info.getStackTrace()) {
            String name = frame.getClassName();
            if (name.equals(subject) || name.startsWith(subject + "$")) {
                return true;
            }
            if (!SPIN.matcher(name + "." + frame.getMethodName()).lookingAt()) {
                return false;
            }
        }
        return false;
    }

    /** What a spin loop calls, each turn, while it waits. */
    private static final Pattern SPIN = Pattern.compile(
            "java\\.util\\.concurrent\\.atomic\\.|java\\.lang\\.invoke\\.|jdk\\.internal\\.misc\\.Unsafe\\."
                    + "|java\\.lang\\.Thread\\.(onSpinWait|yield)");

    private boolean inSubject(ThreadInfo info) {
        return Arrays.stream(info.getStackTrace()).map(StackTraceElement::getClassName)
                .anyMatch(name -> name.equals(subject) || name.startsWith(subject + "$"));
    }

    public int dumps() {
        return dumps;
    }

    /** Dumps in which at least one caller was waiting inside the code under test. */
    public int waiting() {
        return waiting;
    }

    /** The first caller seen waiting there, as {@code jstack} shows it; null if none was. */
    public Evidence.ThreadView first() {
        return first;
    }
}
