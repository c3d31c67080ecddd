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
