package workbook.harness;

import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
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
        Map<Long, ThreadInfo> byId = new HashMap<>();
        for (ThreadInfo info : dump) {
            if (info != null) {
                byId.put(info.getThreadId(), info);
            }
        }
        for (ThreadInfo info : dump) {
            if (info != null && waiting(info, byId)) {
                waiting++;
                if (first == null) {
                    first = ThreadViews.of(info, names);
                }
                return;
            }
        }
    }

    private boolean waiting(ThreadInfo info, Map<Long, ThreadInfo> byId) {
        ThreadInfo owner = byId.get(info.getLockOwnerId());
        return waiting(info.getThreadState(), info.getStackTrace(),
                info.getLockInfo() == null ? null : info.getLockInfo().getClassName(),
                owner == null ? null : owner.getStackTrace());
    }

    /**
     * Whether a caller in this state, at this stack, waiting for a lock of this class (null for none) held by an owner
     * at that stack (null for none among the callers), is waiting for another caller.
     */
    boolean waiting(Thread.State state, StackTraceElement[] stack, String lockClass, StackTraceElement[] owner) {
        if (state == Thread.State.RUNNABLE) {
            return spinning(stack);
        }
        if (!inSubject(stack)) {
            return false;
        }
        // Past the frames of parking and locking, to the code that wanted the lock (or the signal, the future).
        int at = 0;
        boolean acquiring = state == Thread.State.BLOCKED;
        boolean condition = false;
        while (at < stack.length && LOCK_MACHINERY.matcher(stack[at].getClassName()).lookingAt()) {
            condition |= stack[at].getClassName().endsWith("$ConditionObject");
            acquiring |= stack[at].getMethodName().startsWith("acquire");
            at++;
        }
        if (!acquiring || condition || at == stack.length || !jdk(stack[at].getClassName())) {
            // Waiting for a future, a signal, another caller's work; or for a lock that the subject's own code takes.
            return true;
        }
        boolean ownable = state == Thread.State.BLOCKED
                || lockClass != null && lockClass.startsWith("java.util.concurrent.locks.");
        if (!ownable) {
            return true; // a semaphore's permit: given back by another caller when it is done
        }
        return ownerWorksUnderIt(stack[at].getClassName(), owner);
    }

    /**
     * Whether the owner of a lock taken inside a JDK class (a queue's, a synchronized map's) holds it while it works:
     * running code of the subject's, or anything past the JDK's collections, above that class's frame. A pool's
     * queue lock, held only to hand a formatter over, is not a wait for the work; {@code computeIfAbsent} holding a
     * map's bin while it loads is. An owner not among the callers, or no owner (just let go), is not waited for.
     */
    private static boolean ownerWorksUnderIt(String lockedIn, StackTraceElement[] owner) {
        if (owner == null) {
            return false;
        }
        for (StackTraceElement frame : owner) {
            String name = frame.getClassName();
            if (name.equals(lockedIn)) {
                return false;
            }
            if (!LOCK_MACHINERY.matcher(name).lookingAt() && !COLLECTIONS.matcher(name).lookingAt()) {
                return true;
            }
        }
        return true; // the lock is held from somewhere else: what for is not known, so count the wait
    }

    private static boolean jdk(String className) {
        return className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.");
    }

    /** The frames of taking a lock or waiting for it: parking, the locks, a fork-join pool's managed block. */
    private static final Pattern LOCK_MACHINERY = Pattern.compile(
            "jdk\\.internal\\.misc\\.|java\\.util\\.concurrent\\.locks\\.|java\\.util\\.concurrent\\.ForkJoinPool$");

    /** The JDK's collections and what they call: no work of the subject's. */
    private static final Pattern COLLECTIONS = Pattern.compile(
            "java\\.util\\.[A-Za-z$]+$|java\\.util\\.concurrent\\.[A-Za-z$]+$|java\\.lang\\.invoke\\.|java\\.lang\\.Object$");

    /**
     * Running, but in the subject's own code at the top of the stack, or in what a spin loop calls from there (an
     * atomic, {@link Thread#onSpinWait}, {@link Thread#yield}): busy-waiting for another caller. The subject's calls
     * into any other code (the work itself) are not counted.
     */
    private boolean spinning(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
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

    private boolean inSubject(StackTraceElement[] stack) {
        return Arrays.stream(stack).map(StackTraceElement::getClassName)
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
