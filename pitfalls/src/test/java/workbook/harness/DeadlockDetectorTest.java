package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;
import workbook.harness.Evidence.LockCycle;
import workbook.harness.Evidence.LockEdge;

/**
 * Deadlocks on {@link ReentrantLock#lockInterruptibly()}, so that the test can break them afterwards: a monitor
 * deadlock would live as long as the test JVM. The regression suite shows monitor cycles in trial JVMs.
 */
class DeadlockDetectorTest {

    @Test
    void findsNoCycleWhenThereIsNone() {
        assertTrue(DeadlockDetector.findCycle(new LockNames()).isEmpty());
    }

    @Test
    void reportsTheCycleWithThreadAndLockNames() throws Exception {
        ReentrantLock a = new ReentrantLock();
        ReentrantLock b = new ReentrantLock();
        LockNames names = new LockNames();
        names.name(a, "lock A");
        names.name(b, "lock B");
        CountDownLatch bothHoldOne = new CountDownLatch(2);
        Thread first = lockBoth("first", a, b, bothHoldOne);
        Thread second = lockBoth("second", b, a, bothHoldOne);
        try {
            LockCycle cycle = awaitCycle(names);

            assertEquals(List.of(new LockEdge("first", List.of("lock A"), "lock B", "second"),
                    new LockEdge("second", List.of("lock B"), "lock A", "first")), cycle.edges());
            assertEquals(List.of("WAITING", "WAITING"),
                    cycle.threads().stream().map(Evidence.ThreadView::state).toList());
        } finally {
            first.interrupt();
            second.interrupt();
            first.join();
            second.join();
        }
    }

    private static LockCycle awaitCycle(LockNames names) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Optional<LockCycle> cycle = DeadlockDetector.findCycle(names);
            if (cycle.isPresent()) {
                return cycle.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no cycle found within 5 s");
    }

    private static Thread lockBoth(String name, ReentrantLock outer, ReentrantLock inner, CountDownLatch bothHoldOne) {
        return Thread.ofPlatform().daemon().name(name).start(() -> {
            try {
                outer.lockInterruptibly();
                try {
                    bothHoldOne.countDown();
                    bothHoldOne.await();
                    inner.lockInterruptibly();
                    inner.unlock();
                } finally {
                    outer.unlock();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
