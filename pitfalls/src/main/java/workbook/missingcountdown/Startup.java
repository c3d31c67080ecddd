package workbook.missingcountdown;

/** The service's start-up thread: it calls {@code warmAll} and records how the call ended, and when. */
final class Startup {

    private final Thread thread;
    private volatile long endedAt;
    private volatile Throwable thrown;

    Startup(Warmup warmup, Round round) {
        thread = new Thread(() -> {
            try {
                warmup.warmAll(round.caches());
            } catch (Throwable failure) {
                thrown = failure;
            } finally {
                endedAt = System.nanoTime();
            }
        }, "startup");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    boolean ended() {
        return endedAt != 0;
    }

    long endedAt() {
        return endedAt;
    }

    /** What warmAll threw; null if it returned (or has not ended). */
    Throwable thrown() {
        return thrown;
    }

    Thread thread() {
        return thread;
    }
}
