package workbook.endlessconsumer;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import workbook.harness.Delays;
import workbook.harness.Evidence.Event;
import workbook.harness.Subjects;

/**
 * The nightly billing job that {@link EndlessConsumer} runs in a JVM of its own. It keeps two audit trails with the
 * audit log under test. The logins trail gets its events first; then the job works while that trail's writer
 * catches up and waits for more. The payments trail gets its events at the end, and its writer starts writing only
 * once the job has closed both trails and {@code main} has ended (or waits in {@code close()}): so at close() the
 * logins writer is idle and the payments writer still has all its events to write. Each write takes a time drawn
 * anew ({@link #QUICKEST_WRITE} to {@link #SLOWEST_WRITE}), so draining the payments trail takes longer than a
 * close() may linger ({@link EndlessConsumer#CLOSE_LINGER}). Each event written, each step of {@code main}, a thread
 * that dies of an exception, and the start of the JVM's shutdown is one line on standard output, stamped with the
 * milliseconds since the program started; what the program prints on standard error goes there too, a whole line at a
 * time, so that it never runs into those lines.
 *
 * <p>Arguments: {@code <audit log class> <events per trail>}.
 */
public final class AuditJob {

    /** One append to the audit file, flushed to the disk: from this... */
    static final Duration QUICKEST_WRITE = Duration.ofMillis(2);
    /** ...to this, drawn anew for every write. */
    static final Duration SLOWEST_WRITE = Duration.ofMillis(6);
    /** Bounds every wait of the job on the code under test. */
    static final Duration PATIENCE = Duration.ofSeconds(1);
    static final String CLOSING = "closing both trails";
    static final String PAYMENTS_CLOSED = "payments trail closed";
    static final String CLOSED = "both trails closed";
    static final String DIED = " died of ";
    static final String MAIN_RETURNS = "main() returns";
    static final String WROTE = "wrote ";
    static final String SHUTDOWN = "the JVM shuts down; events written so far: ";

    private static final String PREFIX = "audit\t";
    private static final String STDERR = "stderr\t";
    private static final long START = System.nanoTime();
    private static final AtomicInteger WRITTEN = new AtomicInteger();

    private AuditJob() {
    }

    public static void main(String[] args) throws ClassNotFoundException, InterruptedException {
        Thread main = Thread.currentThread();
        System.setErr(new PrintStream(new LineStream(line -> System.out.println(STDERR + line)), true,
                StandardCharsets.UTF_8));
        Thread.setDefaultUncaughtExceptionHandler((thread, failure) -> {
            log(thread.getName() + DIED + failure);
            failure.printStackTrace();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> log(SHUTDOWN + WRITTEN.get()), "shutdown-hook"));
        Class<? extends AuditLog> type = Class.forName(args[0]).asSubclass(AuditLog.class);
        int events = Integer.parseInt(args[1]);
        CountDownLatch closing = new CountDownLatch(1);
        TrailFile loginFile = new TrailFile(() -> true);
        TrailFile paymentFile = new TrailFile(() -> closing.getCount() == 0 && doneOrWaiting(main));
        AuditLog logins = Subjects.create(type, loginFile);
        AuditLog payments = Subjects.create(type, paymentFile);

        for (int n = 1; n <= events; n++) {
            logins.record(eventName("login", n));
        }
        log("recorded " + events + " logins");
        if (loginFile.awaitIdle(events)) {
            log("the job runs; the logins writer has caught up and waits for more");
        } else {
            log("the job runs; the logins writer has not caught up within " + PATIENCE.toMillis() + " ms");
        }
        for (int n = 1; n <= events; n++) {
            payments.record(eventName("payment", n));
        }
        log("recorded " + events + " payments");
        log(CLOSING);
        closing.countDown();
        payments.close();
        log(PAYMENTS_CLOSED);
        logins.close();
        log(CLOSED);
        log(MAIN_RETURNS);
    }

    static String eventName(String kind, int n) {
        return String.format(Locale.ROOT, "%s-%02d", kind, n);
    }

    /** Whether main has ended, or waits (in a close() that waits for its writer, say). */
    private static boolean doneOrWaiting(Thread main) {
        Thread.State state = main.getState();
        return state == Thread.State.TERMINATED || state == Thread.State.WAITING
                || state == Thread.State.TIMED_WAITING;
    }

    private static void log(String what) {
        long millis = Duration.ofNanos(System.nanoTime() - START).toMillis();
        System.out.println(PREFIX + millis + "\t" + Thread.currentThread().getName() + "\t" + what);
    }

    /** What the program printed on standard error, line by line. */
    static List<String> errors(String output) {
        return output.lines().filter(line -> line.startsWith(STDERR)).map(line -> line.substring(STDERR.length()))
                .toList();
    }

    /** The program's lines in its output, as timeline events; other output is left out. */
    static List<Event> events(String output) {
        List<Event> events = new ArrayList<>();
        for (String line : output.lines().toList()) {
            String[] fields = line.split("\t", 4);
            if (line.startsWith(PREFIX) && fields.length == 4) {
                events.add(new Event(Long.parseLong(fields[1]), fields[2], fields[3]));
            }
        }
        return events;
    }

    /** Bytes to whole lines: standard error, passed on a line at a time. */
    private static final class LineStream extends OutputStream {

        private final Consumer<String> lines;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineStream(Consumer<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                lines.accept(line.toString(StandardCharsets.UTF_8));
                line.reset();
            } else if (b != '\r') {
                line.write(b);
            }
        }
    }

    /**
     * An audit file. Its first write waits (bounded) until {@code mayStart} says so; it remembers which thread
     * writes, so that the job can see that thread wait.
     */
    private static final class TrailFile implements AuditSink {

        private final BooleanSupplier mayStart;
        private final AtomicInteger written = new AtomicInteger();
        private volatile Thread writer;
        private volatile boolean started;

        TrailFile(BooleanSupplier mayStart) {
            this.mayStart = mayStart;
        }

        @Override
        public void write(String event) {
            writer = Thread.currentThread();
            try {
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (!started && !mayStart.getAsBoolean() && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                started = true;
                Thread.sleep(Delays.between(QUICKEST_WRITE, SLOWEST_WRITE));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("the write of " + event + " was interrupted", e);
            }
            log(WROTE + event);
            written.incrementAndGet();
            WRITTEN.incrementAndGet();
        }

        /** Waits until every event is written and the writer waits for more (or has ended); false at the bound. */
        boolean awaitIdle(int events) throws InterruptedException {
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < deadline) {
                Thread current = writer;
                if (written.get() >= events && current != null && current.getState() != Thread.State.RUNNABLE
                        && current.getState() != Thread.State.BLOCKED) {
                    return true;
                }
                Thread.sleep(1);
            }
            return false;
        }
    }
}
