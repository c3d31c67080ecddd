package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressWatchdogTest {

    @Test
    void aWaitThatNobodyEndsIsAStallWithTheWaitersStack() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        AtomicLong progress = new AtomicLong();
        Thread waiter = Thread.ofPlatform().daemon().name("waiter").start(() -> {
            progress.incrementAndGet();
            ThreadLeakDetectorTest.await(never);
        });
        try {
            var watch = new ProgressWatchdog(progress::get, () -> !waiter.isAlive()).watch(Duration.ofMillis(100),
                    Duration.ofSeconds(5), List.of(waiter.threadId()), new LockNames());

            var stalled = assertInstanceOf(ProgressWatchdog.Stalled.class, watch);
            assertEquals(1, stalled.threads().size());
            assertEquals("waiter", stalled.threads().get(0).name());
            assertTrue(stalled.threads().get(0).stack().stream()
                    .anyMatch(f -> f.startsWith("java.util.concurrent.CountDownLatch.await")));
        } finally {
            never.countDown();
            waiter.join();
        }
    }

    @Test
    void workThatKeepsMovingUntilDoneIsFinished() throws Exception {
        AtomicLong progress = new AtomicLong();
        Thread worker = Thread.ofPlatform().daemon().start(() -> {
            for (int i = 0; i < 30; i++) {
                progress.incrementAndGet();
                ThreadLeakDetectorTest.sleep(5);
            }
        });

        var watch = new ProgressWatchdog(progress::get, () -> !worker.isAlive()).watch(Duration.ofMillis(500),
                Duration.ofSeconds(10), List.of(worker.threadId()), new LockNames());

        assertEquals(new ProgressWatchdog.Finished(30), watch);
    }

    @Test
    void workStillMovingAtTheLimitIsStillRunning() throws Exception {
        AtomicLong progress = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        Thread worker = Thread.ofPlatform().daemon().start(() -> {
            while (!stop.get()) {
                progress.incrementAndGet();
                ThreadLeakDetectorTest.sleep(2);
            }
        });
        try {
            var watch = new ProgressWatchdog(progress::get, () -> false).watch(Duration.ofMillis(500),
                    Duration.ofMillis(100), List.of(worker.threadId()), new LockNames());

            assertInstanceOf(ProgressWatchdog.StillRunning.class, watch);
        } finally {
            stop.set(true);
            worker.join();
        }
    }
}
