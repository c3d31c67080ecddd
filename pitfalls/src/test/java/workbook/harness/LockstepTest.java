package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.Test;

class LockstepTest {

    @Test
    void twoThreadsTakeEveryStepTogetherAndNeitherGetsAheadByMoreThanOne() throws InterruptedException {
        Lockstep lockstep = new Lockstep(2, Duration.ofSeconds(20));
        AtomicLongArray reached = new AtomicLongArray(2);
        AtomicLong furthestApart = new AtomicLong();
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int me = t;
            threads[t] = Thread.ofPlatform().start(() -> {
                for (long step = 0; step < 10_000; step++) {
                    lockstep.await(me, step);
                    reached.set(me, step);
                    furthestApart.accumulateAndGet(Math.abs(step - reached.get(1 - me)), Math::max);
                }
            });
        }
        for (Thread thread : threads) {
            thread.join(30_000);
            assertFalse(thread.isAlive(), "a thread still stepping after 30 s");
        }

        assertEquals(20_000, lockstep.together());
        assertTrue(furthestApart.get() <= 2, "apart by " + furthestApart.get() + " steps");
    }

    @Test
    void aThreadWhosePartnerNeverComesGoesOnAloneAfterTheLimit() throws InterruptedException {
        Lockstep lockstep = new Lockstep(2, Duration.ofMillis(100));
        long start = System.nanoTime();
        Thread alone = Thread.ofPlatform().start(() -> {
            for (long step = 0; step < 3; step++) {
                lockstep.await(0, step);
            }
        });

        alone.join(10_000);

        assertFalse(alone.isAlive(), "the lone thread waited past its limit");
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 100, "it waited for its partner first");
        assertEquals(0, lockstep.together());
    }
}
