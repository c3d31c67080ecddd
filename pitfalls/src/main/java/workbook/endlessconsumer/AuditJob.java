package workbook.endlessconsumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import workbook.harness.Evidence.Event;
import workbook.harness.Subjects;

/**
 * The nightly billing job that {@link EndlessConsumer} runs in a JVM of its own. It keeps two audit trails with the
 * audit log under test. The logins trail gets its events first; then the job works while that trail's writer
 * catches up and waits for more. The payments trail gets its events at the end, and its writer starts writing only
 * once the job has closed both trails and {@code main} has ended (or waits in {@code close()}): so at close() the
 * logins writer is idle and the payments writer still has all its events to write. Each event written, each step
 * of {@code main} and the start of the JVM's shutdown is one line on standard output, stamped with the milliseconds
 * since the program started.
 *
 * <p>Arguments: {@code <audit log class> <events per trail>}.
 */
public final class AuditJob {

    /** One append to the audit file, flushed to the disk. */
    static final Duration WRITE_TIME = Duration.ofMillis(1);
    /** Bounds every wait of the job on the code under test. */
    static final Duration PATIENCE = Duration.ofSeconds(1);
    static final String CLOSING = "closing both trails";
    static final String CLOSED = "both trails closed";
    static final String MAIN_RETURNS = "main() returns";
    static final String WROTE = "wrote ";
    static final String SHUTDOWN = "the JVM shuts down; events written so far: ";

    private static final String PREFIX = "audit\t";
    private static final long START = System.nanoTime();
    private static final AtomicInteger WRITTEN = new AtomicInteger();

    private AuditJob() {
    }

    public static void main(String[] args) throws ClassNotFoundException, InterruptedException {
        Thread main = Thread.currentThread();
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
                Thread.sleep(WRITE_TIME);
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
