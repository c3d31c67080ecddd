package workbook.runner.terminal;

import java.io.PrintWriter;

/** A one-line progress indicator on a terminal; silent when the output is not one (a pipe, a CI log). */
public final class Progress {

    private final PrintWriter err;
    private final boolean enabled;
    private int width;

    private Progress(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    public static Progress on(PrintWriter err) {
        return new Progress(err, Terminal.interactive());
    }

    public synchronized void show(String status) {
        if (enabled) {
            String line = "  " + status;
            err.print("\r" + line + " ".repeat(Math.max(0, width - line.length())));
            err.flush();
            width = line.length();
        }
    }

    public synchronized void done() {
        if (enabled && width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
        }
    }
}
