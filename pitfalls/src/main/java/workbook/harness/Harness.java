package workbook.harness;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The harness's own threads: named so that detectors never count them as the code under test's. */
public final class Harness {

    static final String THREAD_PREFIX = "workbook-";

    private Harness() {
    }

    /** A daemon thread factory whose threads the leak detector ignores. */
    public static ThreadFactory threads(String role) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, THREAD_PREFIX + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    static boolean owns(Thread thread) {
        return thread.getName().startsWith(THREAD_PREFIX);
    }
}
