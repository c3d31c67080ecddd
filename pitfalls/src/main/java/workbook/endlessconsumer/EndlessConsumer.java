package workbook.endlessconsumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * close() drains the queue), then returns. Each write takes 2 to 6 ms, so the job is done within about 200 ms of its
 * start; a close() that returns more than {@link #CLOSE_LINGER} after its trail's last write (or after it was called,
 * for the idle trail) waited a fixed time, not for the writer, and a thread that died of an exception is named with
 * what it printed. A JVM still running a second after {@code main} returned is kept alive by a thread a trail left
 * behind, and
 * {@link ChildJvm} ends it then ({@link #CHILD_DEADLINE} only bounds a slow start), having listed the non-daemon
 * threads still alive soon after {@code main} returned.
 */
public final class EndlessConsumer implements Pitfall<AuditLog> {

    static final int EVENTS_PER_TRAIL = 25;
    static final int EVENTS = 2 * EVENTS_PER_TRAIL;
    static final Duration CHILD_DEADLINE = Duration.ofMillis(4000);
    static final Duration LEAST_DEADLINE = Duration.ofMillis(1000);
    /**
     * How long after its trail's last write close() may take to return. Shorter than draining the payments trail takes
     * (25 writes of at least 2 ms), so a fixed wait either cuts the drain short or lingers past this.
     */
    static final Duration CLOSE_LINGER = Duration.ofMillis(40);

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
        ChildJvm.Result child = ChildJvm.run(AuditJob.class, Map.of(),
                List.of(implementation.getName(), String.valueOf(EVENTS_PER_TRAIL)), deadline, trial.held());
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

        Optional<Finding> lingered = lingeringClose(events, trial);
        if (lingered.isPresent()) {
            return lingered.get();
        }
        if (child.exited()) {
            if (child.exitCode() != 0 || returnedAt < 0) {
                return trial.notWorking("the audit program failed (exit code " + child.exitCode() + ")"
                        + died(events), new Evidence.Note("Its last lines:\n" + tail(child.output())));
            }
            if (distinct.size() < EVENTS) {
                return trial.notWorking(String.format(Locale.ROOT,
                        "the JVM exited, but only %d of the %d events recorded before close() were written: the "
                                + "rest were lost%s",
                        distinct.size(), EVENTS, died(events)),
                        withErrors(child, writtenCount, new Evidence.Timeline(
                                "The audit program, in ms since it started", shown(events))));
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
            List<Evidence> evidence = new ArrayList<>(List.of(writtenCount,
                    new Evidence.Timeline("The audit program, in ms since it started", shown(events))));
            if (!child.stuck().isEmpty()) {
                evidence.add(new Evidence.Threads("Where the program's threads were, shortly before the deadline",
                        child.stuck()));
            }
            return trial.notWorking("close() did not return within " + deadline.toMillis() + " ms" + died(events),
                    withErrors(child, evidence.toArray(Evidence[]::new)));
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
        List<Evidence> evidence = new ArrayList<>(List.of(
                new Evidence.Threads("What kept the JVM alive after main() returned", lingering), writtenCount,
                new Evidence.Timeline("The audit program, in ms since it started", shown(events))));
        if (child.keptPid() > 0) {
            evidence.add(new Evidence.Note(String.format(Locale.ROOT, "The audit program is left running in a JVM"
                    + " of its own, pid %d (a child of the trial JVM): look at that one, with jstack %d or jcmd %d"
                    + " Thread.print", child.keptPid(), child.keptPid(), child.keptPid())));
        }
        return trial.reproduced(FailureKind.LEAK, String.format(Locale.ROOT,
                "main() returned at %d ms with %d of %d events written, yet the JVM was still running %,d ms after "
                        + "it was started, %s: \"%s\" is %s in %s, and nothing will wake it",
                returnedAt, distinct.size(), EVENTS, child.millis(),
                child.keptPid() > 0 ? "and it still is (held)" : "when the workbook killed it", first.name(),
                first.state(), blockedIn(first)), evidence.toArray(Evidence[]::new));
    }

    /**
     * A close() that returned long after its trail's last write (or after it was called, when the trail was idle): it
     * waited a fixed time, not for the writer.
     */
    private static Optional<Finding> lingeringClose(List<Event> events, Trial trial) {
        long closing = at(events, AuditJob.CLOSING);
        long paymentsClosed = at(events, AuditJob.PAYMENTS_CLOSED);
        long bothClosed = at(events, AuditJob.CLOSED);
        if (closing < 0 || paymentsClosed < 0 || bothClosed < 0) {
            return Optional.empty();
        }
        long paymentsLinger = paymentsClosed - Math.max(closing, lastWrite(events, "payment", paymentsClosed));
        long loginsLinger = bothClosed - Math.max(paymentsClosed, lastWrite(events, "login", bothClosed));
        String trail = paymentsLinger >= loginsLinger ? "payments" : "logins";
        long linger = Math.max(paymentsLinger, loginsLinger);
        if (linger <= CLOSE_LINGER.toMillis()) {
            return Optional.empty();
        }
        return Optional.of(trial.notWorking(String.format(Locale.ROOT,
                "close() of the %s trail kept main() waiting %,d ms after the trail's last write (or after it was "
                        + "called, if it had nothing left to write): it waited a fixed time, not for the writer. "
                        + "The contract says close() waits, if at all, only for the writes",
                trail, linger), new Evidence.Timeline("The audit program, in ms since it started", shown(events))));
    }

    /** When the last write of a trail ("login", "payment") at or before {@code until} was, or -1. */
    private static long lastWrite(List<Event> events, String trail, long until) {
        return events.stream().filter(e -> isWrite(e) && trail(e).equals(trail) && e.atMillis() <= until)
                .mapToLong(Event::atMillis).max().orElse(-1);
    }

    /** "; audit-writer died of java.lang.IllegalStateException: ..." for each thread that died, or "". */
    private static String died(List<Event> events) {
        List<String> deaths = events.stream().filter(e -> e.what().startsWith(e.thread() + AuditJob.DIED))
                .map(Event::what).toList();
        return deaths.isEmpty() ? "" : "; " + String.join("; ", deaths);
    }

    /** The evidence, and what the program printed on standard error when it printed anything. */
    private static Evidence[] withErrors(ChildJvm.Result child, Evidence... evidence) {
        List<String> errors = AuditJob.errors(child.output());
        List<Evidence> all = new ArrayList<>(List.of(evidence));
        if (!errors.isEmpty()) {
            all.add(new Evidence.Note("What the program printed on standard error:\n"
                    + String.join("\n", errors.subList(0, Math.min(12, errors.size())))
                    + (errors.size() > 12 ? "\n... " + (errors.size() - 12) + " more lines" : "")));
        }
        return all.toArray(Evidence[]::new);
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
                shown.add(new Event(event.atMillis(), "", "... " + skipped + " more "
                        + (skipped == 1 ? "event" : "events") + " written"));
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
