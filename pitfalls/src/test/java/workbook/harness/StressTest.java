package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StressTest {

    @Test
    void runsEveryIterationOnEveryWorkerAndCountsThem() throws Exception {
        AtomicLong done = new AtomicLong();

        Stress.Result result = Stress.run("worker", 3, 10_000, Duration.ofSeconds(30),
                (w, i) -> done.incrementAndGet());

        assertArrayEquals(new long[]{10_000, 10_000, 10_000}, result.completed());
        assertEquals(30_000, result.total());
        assertEquals(30_000, done.get());
        assertEquals(List.of(), result.failures());
        assertEquals(List.of(), result.stuck());
    }

    @Test
    void stopsAtTheTimeLimitWhateverTheIterations() throws Exception {
        Stress.Result result = Stress.run("worker", 2, Long.MAX_VALUE, Duration.ofMillis(100), (w, i) -> {
        });

        assertTrue(result.total() > 0);
        assertEquals(List.of(), result.stuck());
    }

    @Test
    void aFailingStepStopsItsWorkerAndIsReported() throws Exception {
        Stress.Result result = Stress.run("worker", 2, 100, Duration.ofSeconds(30), (w, i) -> {
            if (w == 1 && i == 10) {
                throw new IllegalStateException("boom");
            }
        });

        assertEquals(1, result.failures().size());
        assertEquals("boom", result.failures().get(0).getMessage());
        assertArrayEquals(new long[]{100, 10}, result.completed());
    }

    @Test
    void aWorkerThatNeverReturnsIsReportedStuck() throws Exception {
        Object never = new Object();
        Stress.Result result = Stress.run("worker", 2, 10, Duration.ofMillis(50), (w, i) -> {
            if (w == 0) {
                synchronized (never) {
                    never.wait();
                }
            }
        });

        assertEquals(List.of("worker-1"), result.stuck());
        assertEquals(10, result.completed()[1]);
    }

    @Test
    void workersReleasedTogetherOverlap() throws Exception {
        Stress.Result result = Stress.run("worker", 2, 5, Duration.ofSeconds(30), (w, i) -> Thread.sleep(10));

        assertTrue(result.overlapped());
    }

    @Test
    void workersThatTakeTurnsAreNotCountedParallel() throws Exception {
        java.util.concurrent.locks.ReentrantLock turn = new java.util.concurrent.locks.ReentrantLock(true);
        // Turns of 256 steps of a microsecond each, handed over fairly: one worker runs while the other waits, 40
        // times each. Without the pause check, every turn would count once.
        Stress.Result result = Stress.run("worker", 2, 10_240, Duration.ofSeconds(30), (w, i) -> {
            if (i % 256 == 0) {
                turn.lock();
            }
            long until = System.nanoTime() + 1_000;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            if (i % 256 == 255) {
                turn.unlock();
            }
        });

        assertEquals(20_480, result.total());
        // Only their first moments, before one of them takes the lock, and now and then a handover (the waiting
        // worker's sample falling just before it blocks; seen 3 times in a run under load) may count: far fewer
        // than the 80 turns, each of which would count without the pause check.
        assertTrue(result.parallel() < 16, "counted parallel " + result.parallel() + " times");
    }
}
