package workbook.lostatexit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import workbook.harness.Evidence.Event;
import workbook.harness.Overlap;
import workbook.harness.Subjects;

/**
 * The nightly export program that {@link LostAtExit} runs in a JVM of its own: it exports a batch of orders with
 * the exporter under test and returns from {@code main}, as a batch job does. Each record the sink stores, and each
 * step of {@code main}, is one line on standard output, stamped with the milliseconds since the program started.
 *
 * <p>Arguments: {@code <exporter class> <number of records> <milliseconds a write takes>}.
 */
public final class ExportJob {

    /**
     * A production server with a few more cores than a laptop: the common pool gets 4 workers, on any machine. The
     * JVM reads it at start-up, so {@link LostAtExit} sets it on the command line.
     */
    static final int POOL_WORKERS = 4;
    static final String POOL_WORKERS_PROPERTY = "java.util.concurrent.ForkJoinPool.common.parallelism";
    static final String CALLED = "exportAll() called";
    static final String RETURNED = "exportAll() returned";
    static final String MAIN_RETURNS = "main() returns";
    /** Logged by a shutdown hook: no non-daemon thread is left, and the JVM is ending under any daemon thread. */
    static final String JVM_EXITS = "the JVM begins to exit";
    static final String STORED = "stored ";

    private static final String PREFIX = "export\t";
    private static final String OVERLAP_PREFIX = "overlap\t";
    private static final String KEEPERS_PREFIX = "keepers\t";
    private static final long START = System.nanoTime();
    private static final Overlap WRITES = new Overlap();
    /** One network round trip to the remote store; set before the export starts. */
    private static Duration writeTime;

    private ExportJob() {
    }

    public static void main(String[] args) throws ClassNotFoundException {
        Class<? extends Exporter> type = Class.forName(args[0]).asSubclass(Exporter.class);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> log(JVM_EXITS), "shutdown hook"));
        writeTime = Duration.ofMillis(Long.parseLong(args[2]));
        // The batch is read in parallel, as the job reads its input: the common pool is up when the export starts.
        List<String> records = IntStream.rangeClosed(1, Integer.parseInt(args[1])).parallel()
                .mapToObj(ExportJob::recordName).toList();
        RecordSink store = ExportJob::store;
        Exporter exporter = Subjects.create(type, store);
        log(CALLED + " with " + records.size() + " records");
        exporter.exportAll(records);
        log(RETURNED);
        System.out.println(OVERLAP_PREFIX + WRITES.most());
        System.out.println(KEEPERS_PREFIX + nonDaemonOthers());
        log(MAIN_RETURNS);
    }

    static String recordName(int n) {
        return String.format(Locale.ROOT, "order-%03d", n);
    }

    private static void store(String record) {
        WRITES.enter();
        try {
            Thread.sleep(writeTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the write of " + record + " was interrupted", e);
        } finally {
            WRITES.exit();
        }
        log(STORED + record);
    }

    private static void log(String what) {
        long millis = Duration.ofNanos(System.nanoTime() - START).toMillis();
        System.out.println(PREFIX + millis + "\t" + Thread.currentThread().getName() + "\t" + what);
    }

    /** Threads other than main that are alive and not daemon: what will keep the JVM alive once main returns. */
    private static long nonDaemonOthers() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t != Thread.currentThread() && t.isAlive() && !t.isDaemon()).count();
    }

    /**
     * How many non-daemon threads besides main were alive when main returned, as the program printed it; -1 if it did
     * not get that far.
     */
    static long nonDaemonAtReturn(String output) {
        return output.lines().filter(line -> line.startsWith(KEEPERS_PREFIX))
                .mapToLong(line -> Long.parseLong(line.substring(KEEPERS_PREFIX.length()).trim())).findFirst()
                .orElse(-1);
    }

    /**
     * The most writes that were in flight at once when exportAll() returned, as the program printed it; 0 if it did
     * not get that far.
     */
    static int mostWritesAtOnce(String output) {
        return output.lines().filter(line -> line.startsWith(OVERLAP_PREFIX))
                .mapToInt(line -> Integer.parseInt(line.substring(OVERLAP_PREFIX.length()).trim())).findFirst()
                .orElse(0);
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
}
