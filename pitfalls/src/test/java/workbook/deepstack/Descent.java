package workbook.deepstack;

import java.util.concurrent.CountDownLatch;

/** A deep stack outside the harness's package (whose frames a thread view leaves out): for tests of thread views. */
public final class Descent {

    private Descent() {
    }

    /** Calls itself {@code depth} times, says so, and waits there until released. */
    public static void descend(int depth, CountDownLatch deep, CountDownLatch release) {
        if (depth > 0) {
            descend(depth - 1, deep, release);
            return;
        }
        deep.countDown();
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
