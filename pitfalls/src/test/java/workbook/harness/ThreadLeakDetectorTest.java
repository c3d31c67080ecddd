package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.SynchronousQueue;
import org.junit.jupiter.api.Test;
import workbook.harness.Evidence.ThreadView;

class ThreadLeakDetectorTest {

    @Test
    void aThreadThatEndsWithinTheGracePeriodIsNoLeak() throws Exception {
        ThreadLeakDetector detector = ThreadLeakDetector.snapshot();
        Thread quick = Thread.ofPlatform().name("quick").start(() -> sleep(50));

        assertEquals(List.of(), detector.survivorsAfter(Duration.ofSeconds(2), new LockNames()));
        assertFalse(quick.isAlive());
    }

    @Test
    void aThreadBlockedForeverIsReportedWithItsStack() throws Exception {
        ThreadLeakDetector detector = ThreadLeakDetector.snapshot();
        SynchronousQueue<String> nobodyTakes = new SynchronousQueue<>();
        Thread stuck = Thread.ofPlatform().daemon().name("stuck-producer").start(() -> {
            try {
                nobodyTakes.put("lost");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            List<ThreadView> survivors = detector.survivorsAfter(Duration.ofMillis(100), new LockNames());

            assertEquals(1, survivors.size(), survivors::toString);
            ThreadView view = survivors.get(0);
            assertEquals("stuck-producer", view.name());
            assertEquals("WAITING", view.state());
            assertTrue(view.stack().stream().anyMatch(f -> f.startsWith("java.util.concurrent.SynchronousQueue.put")),
                    view.stack()::toString);
        } finally {
            stuck.interrupt();
        }
    }

    @Test
    void threadsAliveBeforeTheSnapshotAndHarnessThreadsAreNotCounted() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread before = Thread.ofPlatform().daemon().start(() -> await(release));
        ThreadLeakDetector detector = ThreadLeakDetector.snapshot();
        Thread harness = Harness.threads("helper").newThread(() -> await(release));
        harness.start();
        try {
            assertEquals(List.of(), detector.survivorsAfter(Duration.ofMillis(50), new LockNames()));
        } finally {
            release.countDown();
            before.join();
            harness.join();
        }
    }

    @Test
    void aVirtualThreadBlockedForeverIsReportedWithItsStack() throws Exception {
        ThreadLeakDetector detector = ThreadLeakDetector.snapshot();
        SynchronousQueue<String> nobodyTakes = new SynchronousQueue<>();
        Thread stuck = Thread.ofVirtual().name("stuck-virtual").start(() -> {
            try {
                nobodyTakes.put("lost");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            List<ThreadView> survivors = detector.survivorsAfter(Duration.ofMillis(100), new LockNames());

            assertEquals(1, survivors.size(), survivors::toString);
            assertEquals("stuck-virtual (virtual)", survivors.get(0).name());
            assertTrue(survivors.get(0).stack().stream()
                    .anyMatch(f -> f.startsWith("java.util.concurrent.SynchronousQueue.put")), survivors::toString);
        } finally {
            stuck.interrupt();
        }
    }

    @Test
    void virtualThreadsThatEndLeaveNothingAndTheirCarriersAreNotCounted() throws Exception {
        ThreadLeakDetector detector = ThreadLeakDetector.snapshot();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 50; i++) {
                executor.submit(() -> sleep(5));
            }
        }

        assertEquals(List.of(), detector.survivorsAfter(Duration.ofSeconds(2), new LockNames()));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
