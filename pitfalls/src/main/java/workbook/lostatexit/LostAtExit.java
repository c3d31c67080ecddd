package workbook.lostatexit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import workbook.harness.ChildJvm;
import workbook.harness.Delays;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Trial;

/**
 * Runs a nightly export program ({@link ExportJob}) in a JVM of its own: {@code main} exports 200 records with the
 * exporter under test and returns. Each record is a write of 2 to 16 ms (the store's speed is drawn anew for each
 * trial), on a common pool of 4 workers, so the batch needs 100-800 ms of writing: an exporter that returns before
 * its writes are done leaves most of them to daemon threads, and the JVM ends under them. The scenario counts the
 * records stored before the JVM ended, and checks that the writes overlapped and that exportAll() returned when
 * they were done, not a fixed time later.
 */
public final class LostAtExit implements Pitfall<Exporter> {

    static final int RECORDS = 200;
    static final Duration FASTEST_WRITE = Duration.ofMillis(2);
    static final Duration SLOWEST_WRITE = Duration.ofMillis(16);
    /** Returning later than this after the last write is waiting for something else than the writes. */
    static final Duration LATE = Duration.ofMillis(50);
    /** The program needs well under a second; the rest is room for a busy machine. */
    static final Duration CHILD_DEADLINE = Duration.ofSeconds(4);
    static final Duration LEAST_DEADLINE = Duration.ofSeconds(1);
    static final int FIRST_SHOWN = 3;
    static final int LAST_SHOWN = 2;

    @Override
    public String id() {
        return "lost-at-exit";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LOST_FAILURE;
    }

    /** The program runs in a child JVM of its own, which the scenario kills. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<ParallelExporter> subject() {
        return ParallelExporter.class;
    }

    @Override
    public Finding run(Class<? extends Exporter> implementation, Trial trial) {
        Duration deadline = trial.remaining().compareTo(CHILD_DEADLINE) < 0 ? trial.remaining() : CHILD_DEADLINE;
        if (deadline.compareTo(LEAST_DEADLINE) < 0) {
            return trial.inconclusive("only " + deadline.toMillis() + " ms of the budget were left: too little to "
                    + "run the export program");
        }
        ChildJvm.Result child = ChildJvm.run(ExportJob.class,
                Map.of(ExportJob.POOL_WORKERS_PROPERTY, String.valueOf(ExportJob.POOL_WORKERS)),
                List.of(implementation.getName(), String.valueOf(RECORDS),
                        String.valueOf(Delays.between(FASTEST_WRITE, SLOWEST_WRITE).toMillis())),
                deadline);
        List<Event> events = ExportJob.events(child.output());
        List<Event> writes = events.stream().filter(e -> e.what().startsWith(ExportJob.STORED)).toList();
        List<String> stored = writes.stream().map(e -> e.what().substring(ExportJob.STORED.length())).toList();
        Set<String> distinct = new HashSet<>(stored);
        Count storedCount = new Count("records stored", RECORDS, distinct.size());
        long returnedAt = returned(events) == null ? -1 : returned(events).atMillis();

        if (!child.exited()) {
            List<Evidence> evidence = new ArrayList<>(List.of(storedCount));
            if (!child.lingering().isEmpty()) {
                evidence.add(new Evidence.Threads("What kept the JVM alive", child.lingering()));
            }
            if (returnedAt < 0 && !child.stuck().isEmpty()) {
                evidence.add(new Evidence.Threads("Where the program's threads were, shortly before the deadline",
                        child.stuck()));
            }
            return trial.notWorking(returnedAt < 0
                    ? "exportAll() did not return within " + deadline.toMillis() + " ms"
                    : "exportAll() returned, but the program's JVM did not exit within " + deadline.toMillis()
                            + (child.lingering().isEmpty() ? " ms" : " ms: non-daemon threads kept it alive"),
                    evidence.toArray(Evidence[]::new));
        }
        if (child.exitCode() != 0) {
            return trial.notWorking("the export program failed with exit code " + child.exitCode(),
                    new Evidence.Note("Its last lines:\n" + tail(child.output())));
        }
        if (returnedAt < 0) {
            return trial.notWorking("the program's JVM ended before exportAll() returned (exit code 0)",
                    new Evidence.Note("Its last lines:\n" + tail(child.output())));
        }
        Set<String> batch = IntStream.rangeClosed(1, RECORDS).mapToObj(ExportJob::recordName)
                .collect(Collectors.toSet());
        if (distinct.size() < stored.size() || !batch.containsAll(distinct)) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%d writes stored %d different records, not the %d of the batch once each", stored.size(),
                    distinct.size(), RECORDS), storedCount);
        }
        if (distinct.size() < RECORDS) {
            return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT,
                    "exportAll() returned after %d ms and the JVM exited with exit code 0, but only %d of %d records"
                            + " were stored: %d writes vanished without an error",
                    returnedAt, distinct.size(), RECORDS, RECORDS - distinct.size()),
                    storedCount, new Evidence.Timeline("The export program, in ms since it started", shown(events)),
                    new Evidence.Note(String.format(Locale.ROOT,
                            "The JVM ended %,d ms after it was started; the last record stored was %s.",
                            child.millis(), stored.isEmpty() ? "none" : stored.get(stored.size() - 1))));
        }
        List<Event> afterReturn = events.subList(events.indexOf(returned(events)), events.size());
        long lateWrites = afterReturn.stream().filter(LostAtExit::isWrite).count();
        if (lateWrites > 0 && ExportJob.nonDaemonAtReturn(child.output()) == 0) {
            // No thread kept the JVM alive: the daemon writers raced the JVM's end, and won this time.
            return trial.reproduced(FailureKind.LOST_FAILURE, String.format(Locale.ROOT,
                    "exportAll() returned after %d ms with %d of %d records not yet written, left to daemon threads;"
                            + " main() returned with no other thread to keep the JVM alive, and this time its exit "
                            + "was slow enough for those %d writes to finish: nothing waited for them, and a slower"
                            + " store loses them without an error",
                    returnedAt, lateWrites, RECORDS, lateWrites), storedCount,
                    new Evidence.Timeline("The export program, in ms since it started", shown(events)));
        }
        if (lateWrites > 0) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "all %d records were stored, %d of them after exportAll() had returned: it said the batch was "
                            + "exported before it was, and only threads that kept the JVM alive saved them",
                    RECORDS, lateWrites), storedCount,
                    new Evidence.Timeline("The export program, in ms since it started", shown(events)));
        }
        long lastWrite = writes.stream().mapToLong(Event::atMillis).max().orElse(0);
        if (returnedAt - lastWrite > LATE.toMillis()) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "all %d records were stored by %,d ms, but exportAll() returned only at %,d ms, %,d ms after the "
                            + "last write: it waited for a time, not for the writes, and a slower store outlasts any "
                            + "fixed wait",
                    RECORDS, lastWrite, returnedAt, returnedAt - lastWrite), storedCount);
        }
        if (ExportJob.mostWritesAtOnce(child.output()) < 2) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "all %d records were stored before exportAll() returned, but never two at once: it wrote one "
                            + "record at a time and took %,d ms, where the contract promises the writes in parallel",
                    RECORDS, returnedAt), storedCount,
                    new Evidence.Timeline("The export program, in ms since it started", shown(events)));
        }
        return trial.clean(String.format(Locale.ROOT,
                "all %d records were stored, up to %d at once (the last at %d ms), before exportAll() returned at "
                        + "%d ms; then the JVM exited by itself",
                RECORDS, ExportJob.mostWritesAtOnce(child.output()), lastWrite, returnedAt), storedCount);
    }

    /** The steps of main, the first few writes and the last few, in order; the writes between them counted. */
    private static List<Event> shown(List<Event> events) {
        long total = events.stream().filter(LostAtExit::isWrite).count();
        List<Event> shown = new ArrayList<>();
        int write = 0;
        int skipped = 0;
        for (Event event : events) {
            boolean hidden = isWrite(event) && write >= FIRST_SHOWN && write < total - LAST_SHOWN;
            write += isWrite(event) ? 1 : 0;
            if (hidden) {
                skipped++;
                continue;
            }
            if (skipped > 0) {
                shown.add(new Event(event.atMillis(), "",
                        "... " + skipped + (skipped == 1 ? " more record stored" : " more records stored")));
                skipped = 0;
            }
            shown.add(event);
        }
        return shown;
    }

    /** The line saying exportAll() returned, or null. */
    private static Event returned(List<Event> events) {
        return events.stream().filter(e -> e.what().equals(ExportJob.RETURNED)).findFirst().orElse(null);
    }

    private static boolean isWrite(Event event) {
        return event.what().startsWith(ExportJob.STORED);
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
