package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class WaitingCallersTest {

    /** The code under test: one caller spins until released, the other works in code of its own. */
    static final class Subject {
        static void spin(AtomicBoolean released, CountDownLatch started) {
            started.countDown();
            while (!released.get()) {
                Thread.onSpinWait();
            }
        }

        static void work(AtomicBoolean released, CountDownLatch started) {
            started.countDown();
            Work.until(released);
        }
    }

    /** Work outside the subject, as a formatter's would be. */
    static final class Work {
        static volatile long sink;

        static void until(AtomicBoolean released) {
            while (!released.get()) {
                sink++;
            }
        }
    }

    @Test
    void aCallerSpinningInTheSubjectIsWaitingOneWorkingOutsideItIsNot() throws Exception {
        assertEquals(20, dumpsWaiting(Subject::spin), "a caller spinning in the subject is seen waiting");
        // A working caller passes through the subject's own code now and then: rarely, never in most dumps.
        int working = dumpsWaiting(Subject::work);
        assertTrue(working <= 2, "a caller whose work runs outside the subject is not: seen so in " + working);
    }

    @Test
    void aDumpWithOneCallerLeftIsNotCounted() throws Exception {
        AtomicBoolean released = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = Thread.ofPlatform().start(() -> Subject.spin(released, started));
        try {
            started.await();
            WaitingCallers waits = new WaitingCallers(Subject.class, new LockNames());
            waits.tally(ManagementFactory.getThreadMXBean().getThreadInfo(new long[]{caller.threadId()}, true, true));
            assertEquals(0, waits.dumps(), "a caller alone has nobody to wait for");
        } finally {
            released.set(true);
            caller.join(5_000);
        }
    }

    /** Frames as a dump shows them, innermost first: "Class.method" each. */
    private static StackTraceElement[] stack(String... frames) {
        return Arrays.stream(frames).map(frame -> {
            int dot = frame.lastIndexOf('.');
            String type = frame.substring(0, dot).replace("Subject", Subject.class.getName());
            return new StackTraceElement(type, frame.substring(dot + 1), null, -1);
        }).toArray(StackTraceElement[]::new);
    }

    private static final String[] PARKED_FOR_LOCK = {"jdk.internal.misc.Unsafe.park",
            "java.util.concurrent.locks.LockSupport.park",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
            "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
            "java.util.concurrent.locks.ReentrantLock$Sync.lock", "java.util.concurrent.locks.ReentrantLock.lock"};

    private static String[] parkedForLock(String... below) {
        return Stream.concat(Arrays.stream(PARKED_FOR_LOCK), Arrays.stream(below)).toArray(String[]::new);
    }

    private static final String REENTRANT = "java.util.concurrent.locks.ReentrantLock$NonfairSync";

    @Test
    void aPoolsQueueLockHeldOnlyToHandOverIsNotAWaitForTheWork() {
        WaitingCallers waits = new WaitingCallers(Subject.class, new LockNames());
        StackTraceElement[] borrowing = stack(
                parkedForLock("java.util.concurrent.ArrayBlockingQueue.take", "Subject.borrow", "Subject.format"));
        assertFalse(waits.waiting(Thread.State.WAITING, borrowing, REENTRANT,
                stack("java.util.concurrent.ArrayBlockingQueue.offer", "java.util.AbstractQueue.add",
                        "java.util.concurrent.ArrayBlockingQueue.add", "Subject.format")));
        assertFalse(waits.waiting(Thread.State.WAITING, borrowing, REENTRANT, null), "the lock just let go");
    }

    @Test
    void aLockHeldAroundWorkIsWaitedFor() {
        WaitingCallers waits = new WaitingCallers(Subject.class, new LockNames());
        // computeIfAbsent holds the map's bin while it loads, here through code outside the subject.
        assertTrue(waits.waiting(Thread.State.BLOCKED,
                stack("java.util.concurrent.ConcurrentHashMap.computeIfAbsent", "Subject.get"), null,
                stack("java.lang.Thread.sleep", "workbook.Source.load",
                        "java.util.concurrent.ConcurrentHashMap.computeIfAbsent", "Subject.get")));
        // A lock the subject's own code takes, whatever its owner does.
        assertTrue(waits.waiting(Thread.State.BLOCKED, stack("Subject.format"), null, null));
        assertTrue(waits.waiting(Thread.State.WAITING, stack(parkedForLock("Subject.format")), REENTRANT,
                stack("java.text.SimpleDateFormat.format", "Subject.format")));
    }

    @Test
    void futuresPermitsAndEmptyPoolsAreWaitedFor() {
        WaitingCallers waits = new WaitingCallers(Subject.class, new LockNames());
        assertTrue(waits.waiting(Thread.State.WAITING, stack("jdk.internal.misc.Unsafe.park",
                "java.util.concurrent.locks.LockSupport.park", "java.util.concurrent.FutureTask.awaitDone",
                "java.util.concurrent.FutureTask.get", "Subject.format"), "java.util.concurrent.FutureTask", null));
        assertTrue(waits.waiting(Thread.State.WAITING, stack("jdk.internal.misc.Unsafe.park",
                "java.util.concurrent.locks.LockSupport.park",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquire",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer.acquireSharedInterruptibly",
                "java.util.concurrent.Semaphore.acquire", "Subject.format"),
                "java.util.concurrent.Semaphore$NonfairSync", null));
        assertTrue(waits.waiting(Thread.State.WAITING, stack("jdk.internal.misc.Unsafe.park",
                "java.util.concurrent.locks.LockSupport.park",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionNode.block",
                "java.util.concurrent.ForkJoinPool.managedBlock",
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject.await",
                "java.util.concurrent.ArrayBlockingQueue.take", "Subject.borrow", "Subject.format"),
                "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject", null),
                "a pool with no formatter left");
    }

    private interface Call {
        void run(AtomicBoolean released, CountDownLatch started);
    }

    /** Dumps, out of 20, in which the caller was seen waiting in the subject, beside a second caller at work. */
    private static int dumpsWaiting(Call call) throws InterruptedException {
        AtomicBoolean released = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        Thread caller = Thread.ofPlatform().start(() -> call.run(released, started));
        Thread other = Thread.ofPlatform().start(() -> Work.until(released));
        try {
            started.await();
            Thread.sleep(Duration.ofMillis(5)); // past countDown(), into the loop
            WaitingCallers waits = new WaitingCallers(Subject.class, new LockNames());
            for (int i = 0; i < 20; i++) {
                ThreadInfo[] dump = ManagementFactory.getThreadMXBean()
                        .getThreadInfo(new long[]{caller.threadId(), other.threadId()}, true, true);
                waits.tally(dump);
                Thread.sleep(Duration.ofMillis(1));
            }
            return waits.waiting();
        } finally {
            released.set(true);
            caller.join(5_000);
            other.join(5_000);
        }
    }
}
