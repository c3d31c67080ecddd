package workbook.endlessconsumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import workbook.harness.ChildJvm;
import workbook.harness.Evidence;
import workbook.harness.Evidence.Count;
import workbook.harness.Evidence.Event;
import workbook.harness.Evidence.ThreadView;
import workbook.harness.FailureKind;
import workbook.harness.Finding;
import workbook.harness.Pitfall;
import workbook.harness.Trial;

/**
 * Runs a nightly job ({@link AuditJob}) in a JVM of its own: {@code main} keeps two audit trails with the audit log
 * under test, 25 events each. It closes the logins trail when that trail's writer has caught up and waits for more
 * (the case that leaks), and the payments trail while its events are still being written (the case that proves
 * close() drains the queue), then returns. Each write takes 1 ms, so the job is done within about 100 ms of its
 * start; a JVM still running a second after {@code main} returned is kept alive by a thread a trail left behind, and
 * {@link ChildJvm} ends it then ({@link #CHILD_DEADLINE} only bounds a slow start), having listed the non-daemon
 * threads still alive soon after {@code main} returned.
 */
public final class EndlessConsumer implements Pitfall<AuditLog> {

    static final int EVENTS_PER_TRAIL = 25;
    static final int EVENTS = 2 * EVENTS_PER_TRAIL;
    static final Duration CHILD_DEADLINE = Duration.ofMillis(4000);
    static final Duration LEAST_DEADLINE = Duration.ofMillis(1000);

    @Override
    public String id() {
        return "endless-consumer";
    }

    @Override
    public FailureKind kind() {
        return FailureKind.LEAK;
    }

    /** The program runs in a child JVM of its own, which the scenario kills. */
    @Override
    public boolean trialsShareJvm() {
        return true;
    }

    @Override
    public Class<AuditTrail> subject() {
        return AuditTrail.class;
    }

    @Override
    public Finding run(Class<? extends AuditLog> implementation, Trial trial) {
        Duration deadline = trial.remaining().compareTo(CHILD_DEADLINE) < 0 ? trial.remaining() : CHILD_DEADLINE;
        if (deadline.compareTo(LEAST_DEADLINE) < 0) {
            return trial.inconclusive("only " + deadline.toMillis() + " ms of the budget were left: too little to "
                    + "run the audit program");
        }
        ChildJvm.Result child = ChildJvm.run(AuditJob.class,
                List.of(implementation.getName(), String.valueOf(EVENTS_PER_TRAIL)), deadline);
        List<Event> events = AuditJob.events(child.output());
        List<String> written = events.stream().filter(EndlessConsumer::isWrite)
                .map(e -> e.what().substring(AuditJob.WROTE.length())).toList();
        Set<String> distinct = new HashSet<>(written);
        Count writtenCount = new Count("events written", EVENTS, distinct.size());
        long returnedAt = at(events, AuditJob.MAIN_RETURNS);
        Set<String> batch = IntStream.rangeClosed(1, EVENTS_PER_TRAIL).boxed()
                .flatMap(n -> Stream.of(AuditJob.eventName("login", n), AuditJob.eventName("payment", n)))
                .collect(Collectors.toSet());
        if (distinct.size() < written.size() || !batch.containsAll(distinct)) {
            return trial.notWorking(String.format(Locale.ROOT,
                    "%d writes wrote %d different events, not the %d recorded once each", written.size(),
                    distinct.size(), EVENTS), writtenCount);
        }

        if (child.exited()) {
            if (child.exitCode() != 0 || returnedAt < 0) {
                return trial.notWorking("the audit program failed (exit code " + child.exitCode() + ")",
                        new Evidence.Note("Its last lines:\n" + tail(child.output())));
            }
            if (distinct.size() < EVENTS) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "the JVM exited, but only %d of the %d events recorded before close() were written: the "
                                + "rest were lost",
                        distinct.size(), EVENTS),
                        writtenCount, new Evidence.Timeline("The audit program, in ms since it started",
                                shown(events)));
            }
            int writtenAtShutdown = events.stream().filter(e -> e.what().startsWith(AuditJob.SHUTDOWN))
                    .mapToInt(e -> Integer.parseInt(e.what().substring(AuditJob.SHUTDOWN.length()))).findFirst()
                    .orElse(EVENTS);
            if (writtenAtShutdown < EVENTS) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "the JVM began to shut down with only %d of the %d events written: it did not wait for the "
                                + "writer, which wrote the rest while the JVM was going away, and could as well have "
                                + "lost them",
                        writtenAtShutdown, EVENTS),
                        writtenCount, new Evidence.Timeline("The audit program, in ms since it started",
                                shown(events)));
            }
            return trial.clean(String.format(Locale.ROOT,
                    "all %d events were written and the JVM exited by itself (%,d ms after it was started, "
                            + "JVM start included): close() let the writer finish and end",
                    EVENTS, child.millis()), writtenCount);
        }

        if (returnedAt < 0) {
            if (at(events, AuditJob.CLOSING) < 0) {
                return trial.inconclusive("the audit program had not got as far as close() when its "
                        + deadline.toMillis() + " ms were up: the machine is too busy to tell");
            }
            return trial.notWorking("close() did not return within " + deadline.toMillis() + " ms", writtenCount,
                    new Evidence.Timeline("The audit program, in ms since it started", shown(events)));
        }
        List<ThreadView> lingering = child.lingering();
        if (lingering.isEmpty()) {
            return trial.inconclusive("main() returned at " + returnedAt + " ms, but the JVM was killed at the "
                    + "deadline before it could list the threads keeping it alive: the machine is too busy to tell");
        }
        boolean stillWriting = lingering.stream().anyMatch(t -> t.stack().stream()
                .anyMatch(frame -> frame.startsWith(AuditJob.class.getName() + "$")));
        if (stillWriting && distinct.size() < EVENTS) {
            return trial.inconclusive(String.format(Locale.ROOT,
                    "the writer was still writing (%d of %d events) when the %,d ms were up: too slow to tell whether "
                            + "it would have ended",
                    distinct.size(), EVENTS, deadline.toMillis()),
                    new Evidence.Threads("The threads still running", lingering));
        }
        ThreadView first = lingering.get(0);
        return trial.reproduced(FailureKind.LEAK, String.format(Locale.ROOT,
                "main() returned at %d ms with %d of %d events written, yet the JVM was still running %,d ms after "
                        + "it was started, when the workbook killed it: \"%s\" is %s in %s, and nothing will wake it",
                returnedAt, distinct.size(), EVENTS, child.millis(), first.name(), first.state(), blockedIn(first)),
                new Evidence.Threads("What kept the JVM alive after main() returned", lingering),
                writtenCount,
                new Evidence.Timeline("The audit program, in ms since it started", shown(events)));
    }

    /** Where a parked thread waits: the first frame outside the JDK's parking machinery, e.g. a queue's take(). */
    private static String blockedIn(ThreadView thread) {
        return thread.stack().stream()
                .filter(frame -> !frame.startsWith("jdk.internal.") && !frame.startsWith("java.util.concurrent.locks.")
                        && !frame.startsWith("java.util.concurrent.ForkJoinPool."))
                .map(frame -> frame.substring(0, frame.indexOf('(')) + "()").findFirst().orElse("its run method");
    }

    private static long at(List<Event> events, String what) {
        return events.stream().filter(e -> e.what().equals(what)).mapToLong(Event::atMillis).findFirst().orElse(-1);
    }

    private static boolean isWrite(Event event) {
        return event.what().startsWith(AuditJob.WROTE);
    }

    /** The steps of main and the first and last write of each trail, in order; the writes between them counted. */
    private static List<Event> shown(List<Event> events) {
        Map<String, Long> writesPerTrail = events.stream().filter(EndlessConsumer::isWrite)
                .collect(Collectors.groupingBy(EndlessConsumer::trail, Collectors.counting()));
        Map<String, Integer> seen = new HashMap<>();
        List<Event> shown = new ArrayList<>();
        int skipped = 0;
        for (Event event : events.stream().sorted(Comparator.comparingLong(Event::atMillis)).toList()) {
            if (isWrite(event)) {
                String trail = trail(event);
                int nth = seen.merge(trail, 1, Integer::sum);
                if (nth > 1 && nth < writesPerTrail.get(trail)) {
                    skipped++;
                    continue;
                }
            }
            if (skipped > 0) {
                shown.add(new Event(event.atMillis(), "", "... " + skipped + " more events written"));
                skipped = 0;
            }
            shown.add(event);
        }
        return shown;
    }

    /** "login" for "wrote login-07". */
    private static String trail(Event write) {
        String event = write.what().substring(AuditJob.WROTE.length());
        return event.substring(0, Math.max(0, event.indexOf('-')));
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 10), lines.size()));
    }
}
