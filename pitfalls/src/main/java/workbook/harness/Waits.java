package workbook.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded waits for a scenario: a condition checked until it holds or the time is up, never a bare sleep. */
public final class Waits {

    private Waits() {
    }

    /** Waits until {@code condition} holds or {@code within} has passed; returns whether it holds. */
    public static boolean until(BooleanSupplier condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        return condition.getAsBoolean();
    }
}
