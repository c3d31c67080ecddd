package workbook.harness;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Keeps the last bytes a trial JVM printed, and counts the rest: code under test that floods its output must not
 * fill the disk or the workbook's heap. A thread of its own drains the process's output as it comes.
 */
final class OutputTail {

    private final byte[] ring;
    private long written;
    private final Thread pump;

    private OutputTail(InputStream output, int keep) {
        this.ring = new byte[keep];
        this.pump = Harness.threads("output").newThread(() -> drain(output));
        pump.start();
    }

    /** Starts draining {@code output}, keeping its last {@code keep} bytes. */
    static OutputTail of(Process process, int keep) {
        return new OutputTail(process.getInputStream(), keep);
    }

    private void drain(InputStream output) {
        byte[] buffer = new byte[8192];
        try (output) {
            for (int n; (n = output.read(buffer)) >= 0;) {
                append(buffer, n);
            }
        } catch (IOException e) {
            // The process is gone; what was read is kept.
        }
    }

    private synchronized void append(byte[] bytes, int n) {
        int from = Math.max(0, n - ring.length);
        written += from;
        while (from < n) {
            int at = (int) (written % ring.length);
            int length = Math.min(n - from, ring.length - at);
            System.arraycopy(bytes, from, ring, at, length);
            from += length;
            written += length;
        }
    }

    /**
     * What was printed, its last {@code chars} characters at most, decoded leniently (the code under test may print
     * anything), with a first line that says how much was left out. Waits briefly for the pump to read the end.
     */
    String text(int chars) {
        try {
            pump.join(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        byte[] kept;
        long total;
        synchronized (this) {
            total = written;
            if (written <= ring.length) {
                kept = Arrays.copyOf(ring, (int) written);
            } else {
                int start = (int) (written % ring.length);
                kept = new byte[ring.length];
                System.arraycopy(ring, start, kept, 0, ring.length - start);
                System.arraycopy(ring, 0, kept, ring.length - start, start);
            }
        }
        String text = new String(kept, StandardCharsets.UTF_8).strip();
        boolean cut = total > ring.length || text.length() > chars;
        if (text.length() > chars) {
            text = text.substring(text.length() - chars);
        }
        return cut
                ? String.format(Locale.ROOT, "[the trial printed %,d bytes; the last %,d characters:]%n...%s",
                        total, text.length(), text)
                : text;
    }
}
