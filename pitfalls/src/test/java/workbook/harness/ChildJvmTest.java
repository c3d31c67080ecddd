package workbook.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.Test;

class ChildJvmTest {

    @Test
    void aProgramThatEndsIsSeenExitingWithItsOutput() {
        ChildJvm.Result result = ChildJvm.run(Prints.class, List.of("hello"), Duration.ofSeconds(10));

        assertTrue(result.exited());
        assertEquals(0, result.exitCode());
        assertEquals("said hello\n", result.output());
        assertEquals(List.of(), result.lingering());
    }

    @Test
    void systemPropertiesAreSetBeforeTheProgramStarts() {
        ChildJvm.Result result = ChildJvm.run(PrintsPoolSize.class,
                Map.of("java.util.concurrent.ForkJoinPool.common.parallelism", "7"), List.of(),
                Duration.ofSeconds(10));

        assertEquals("common pool of 7\n", result.output());
    }

    @Test
    void aProgramKeptAliveByAThreadIsKilledAndTheThreadReported() {
        ChildJvm.Result result = ChildJvm.run(KeptAlive.class, List.of(), Duration.ofSeconds(8));

        assertFalse(result.exited());
        assertEquals(-1, result.exitCode());
        assertEquals(1, result.lingering().size(), result::toString);
        Evidence.ThreadView worker = result.lingering().get(0);
        assertEquals("worker", worker.name());
        assertTrue(worker.stack().stream().anyMatch(f -> f.startsWith("java.util.concurrent.LinkedBlockingQueue.take")),
                worker.stack()::toString);
    }

    public static final class Prints {
        public static void main(String[] args) {
            System.out.println("said " + args[0]);
        }
    }

    @Test
    void aMainThatNeverReturnsIsShownWhereItIsStuck() {
        // 6 s: with a 3 s deadline, on a machine loaded to 10 by other builds, it once saw no thread stuck at all.
        ChildJvm.Result result = ChildJvm.run(NeverReturns.class, List.of(), Duration.ofSeconds(6));

        assertFalse(result.exited());
        assertFalse(result.stuck().isEmpty(), () -> "no thread seen stuck: " + result);
        assertEquals("main", result.stuck().get(0).name(), result::toString);
        List<String> stack = result.stuck().get(0).stack();
        assertTrue(stack.stream().anyMatch(f -> f.startsWith("java.util.concurrent.CountDownLatch.await")),
                stack::toString);
        assertTrue(stack.stream().noneMatch(f -> f.startsWith("jdk.internal.reflect.")), stack::toString);
        assertEquals(List.of(), result.lingering());
    }

    public static final class NeverReturns {
        public static void main(String[] args) throws InterruptedException {
            new java.util.concurrent.CountDownLatch(1).await();
        }
    }

    public static final class PrintsPoolSize {
        public static void main(String[] args) {
            System.out.println("common pool of " + ForkJoinPool.commonPool().getParallelism());
        }
    }

    public static final class KeptAlive {
        public static void main(String[] args) {
            LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
            Thread.ofPlatform().name("worker").start(() -> {
                try {
                    queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
