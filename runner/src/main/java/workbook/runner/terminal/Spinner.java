package workbook.runner.terminal;

import java.io.PrintWriter;

/**
 * A spinner on the terminal while something takes more than a moment (a trial JVM, a check). Silent when nobody
 * watches a terminal, so pipes and CI logs stay clean.
 */
public final class Spinner implements AutoCloseable {

    private static final String FRAMES = "|/-\\";
    private static final long FIRST_FRAME_MILLIS = 300;
    private static final long FRAME_MILLIS = 120;

    private final PrintWriter err;
    private volatile String message;
    private final Thread thread;
    private volatile boolean running = true;
    private int shownLength;

    private Spinner(PrintWriter err, String message, boolean enabled) {
        this.err = err;
        this.message = message;
        this.thread = enabled ? Thread.ofPlatform().daemon().name("workbook-spinner").start(this::spin) : null;
    }

    public static Spinner start(PrintWriter err, String message, boolean enabled) {
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
                    String line = FRAMES.charAt(frame % FRAMES.length()) + " " + message;
                    err.print("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
                    err.flush();
                    shownLength = Math.max(shownLength, line.length());
                }
                Thread.sleep(FRAME_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Shows {@code what} from the next frame on: for work that says how far it has got. */
    public void update(String what) {
        message = what;
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        synchronized (this) {
            running = false;
            if (shownLength > 0) {
                err.print("\r" + " ".repeat(shownLength) + "\r");
                err.flush();
            }
        }
        thread.interrupt();
    }
}
