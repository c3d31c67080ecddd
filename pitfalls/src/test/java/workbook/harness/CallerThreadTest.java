package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class CallerThreadTest {

    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    void aCallThatReturnsIsFine() throws Exception {
        int[] calls = new int[1];
        try (CallerThread caller = new CallerThread()) {
            assertEquals(Optional.empty(), caller.call("open()", PATIENCE, () -> calls[0]++));
        }
        assertEquals(1, calls[0]);
    }

    @Test
    void aCallThatThrowsSaysWhat() throws Exception {
        try (CallerThread caller = new CallerThread()) {
            Optional<String> problem = caller.call("open()", PATIENCE, () -> {
                throw new IllegalStateException("no registry");
            });

            assertEquals(Optional.of("open() threw java.lang.IllegalStateException: no registry"), problem);
        }
    }

    @Test
    void aCallStuckInADeadlockShowsTheCallersStackAndTheLockCycle() throws Exception {
        java.util.concurrent.locks.ReentrantLock a = new java.util.concurrent.locks.ReentrantLock();
        java.util.concurrent.locks.ReentrantLock b = new java.util.concurrent.locks.ReentrantLock();
        LockNames names = new LockNames();
        names.name(a, "lock A");
        names.name(b, "lock B");
        CountDownLatch bHeld = new CountDownLatch(1);
        CountDownLatch aHeld = new CountDownLatch(1);
        Thread other = Thread.ofPlatform().daemon().name("other").start(() -> {
            try {
                b.lockInterruptibly();
                bHeld.countDown();
                aHeld.await();
                a.lockInterruptibly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (CallerThread caller = new CallerThread()) {
            CallerThread.Returned call = caller.timed("transfer()", Duration.ofMillis(500), () -> {
                a.lockInterruptibly();
                aHeld.countDown();
                bHeld.await();
                b.lockInterruptibly();
            }, names);

            assertEquals("transfer() did not return within 500 ms", call.problem());
            assertTrue(call.evidence().get(0) instanceof Evidence.Threads, call.evidence()::toString);
            Evidence.LockCycle cycle = (Evidence.LockCycle) call.evidence().get(1);
            assertEquals(2, cycle.edges().size(), cycle::toString);
        } finally {
            other.interrupt();
        }
    }

    @Test
    void aCallThatNeverReturnsIsReportedAndInterruptedAtClose() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Optional<String> problem;
        try (CallerThread caller = new CallerThread()) {
            problem = caller.call("close()", Duration.ofMillis(50), () -> {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    interrupted.countDown();
                }
            });
        }

        assertEquals(Optional.of("close() did not return within 50 ms"), problem);
        assertTrue(interrupted.await(5, TimeUnit.SECONDS), "close() did not interrupt the stuck call");
    }
}
