package workbook.poolstarvation;

import java.util.List;

/** The month-end job's thread: it calls {@code renderAll} and records how the call ended, and when. */
final class MonthEnd {

    private final Thread thread;
    private volatile long endedAt;
    private volatile List<String> pages;
    private volatile Throwable thrown;

    MonthEnd(Reports reports, Round round) {
        thread = new Thread(() -> {
            try {
                pages = reports.renderAll(round.reports());
            } catch (Throwable failure) {
                thrown = failure;
            } finally {
                endedAt = System.nanoTime();
            }
        }, "month-end");
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

    /** What renderAll returned; null if it threw (or has not ended). */
    List<String> pages() {
        return pages;
    }

    Throwable thrown() {
        return thrown;
    }

    Thread thread() {
        return thread;
    }
}
