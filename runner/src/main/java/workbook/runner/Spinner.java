package workbook.runner;

import java.io.PrintWriter;

/**
 * A spinner on the terminal while something takes more than a moment (a trial JVM, a check). Silent when nobody
 * watches a terminal, so pipes and CI logs stay clean.
 */
final class Spinner implements AutoCloseable {

    private static final String FRAMES = "|/-\\";
    private static final long FIRST_FRAME_MILLIS = 300;
    private static final long FRAME_MILLIS = 120;

    private final PrintWriter err;
    private final String message;
    private final Thread thread;
    private volatile boolean running = true;
    private boolean shown;

    private Spinner(PrintWriter err, String message, boolean enabled) {
        this.err = err;
        this.message = message;
        this.thread = enabled ? Thread.ofPlatform().daemon().name("workbook-spinner").start(this::spin) : null;
    }

    static Spinner start(PrintWriter err, String message, boolean enabled) {
        return new Spinner(err, message, enabled);
    }

    private void spin() {
        try {
            Thread.sleep(FIRST_FRAME_MILLIS);
            for (int frame = 0; running; frame++) {
                synchronized (this) {
                    if (!running) {
                        return;
                    }
                    err.print("\r" + FRAMES.charAt(frame % FRAMES.length()) + " " + message);
                    err.flush();
                    shown = true;
                }
                Thread.sleep(FRAME_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        synchronized (this) {
            running = false;
            if (shown) {
                err.print("\r" + " ".repeat(message.length() + 2) + "\r");
                err.flush();
            }
        }
        thread.interrupt();
    }
}
