package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
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
